package com.bakeryia.alerts.notifications.control;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Twilio's Messages API, as a MicroProfile REST Client ({@code mpRestClient}), built by
 * {@link WhatsAppSender} with the configured base URL. The raw {@link Response} comes back whatever
 * its status (the default exception mapper is off), so the sender decides what each status means.
 * The path is on the method, not the interface: a type annotated {@code @Path} is a root resource of
 * this application's own API (and must be a boundary declaring who may call it), which a client of
 * someone else's API is not.
 */
public interface TwilioMessagesApi {

    @POST
    @Path("/2010-04-01/Accounts/{accountSid}/Messages.json")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Response create(
            @PathParam("accountSid") String accountSid, @HeaderParam("Authorization") String authorization, Form form);
}
