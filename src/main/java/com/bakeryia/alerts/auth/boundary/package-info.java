/** Auth endpoints: the demo login, which hands out development tokens only while the demo login is on. */
package com.bakeryia.alerts.auth.boundary;
