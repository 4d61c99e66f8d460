/** The stored alert and the values it carries. */
package com.bakeryia.alerts.store.entity;
