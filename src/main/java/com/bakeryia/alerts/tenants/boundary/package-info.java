/** The membership admin API (/api/admin/memberships). */
package com.bakeryia.alerts.tenants.boundary;
