package com.bakeryia.alerts.auth.control;

import java.util.List;

/**
 * Where the tenants of a caller whose token has no {@code tenants} claim come from. The tenants
 * component implements it (the membership table); authentication only asks.
 */
public interface TenantLookup {

    /** The user's tenants, in a stable order; empty when the user belongs to none. */
    List<String> tenantsOf(String user);
}
