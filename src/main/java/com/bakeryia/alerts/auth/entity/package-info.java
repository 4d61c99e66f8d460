/** The development signing key, kept in the database so every server of a deployment shares it. */
package com.bakeryia.alerts.auth.entity;
