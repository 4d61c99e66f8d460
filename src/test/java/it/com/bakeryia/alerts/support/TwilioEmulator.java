package it.com.bakeryia.alerts.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * WireMock standing in for Twilio's Messages API on the port the test servers are configured with
 * ({@code it.twilio.port}): accepts every message (201) and counts them per recipient.
 */
public final class TwilioEmulator implements AutoCloseable {

    public static final int PORT = Integer.getInteger("it.twilio.port", 19026);

    private final WireMockServer server;

    private TwilioEmulator() {
        server = new WireMockServer(WireMockConfiguration.options().port(PORT).bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(post(urlPathMatching("/2010-04-01/Accounts/[^/]+/Messages\\.json"))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"SM00000000000000000000000000000001\", \"status\": \"queued\"}")));
    }

    public static TwilioEmulator start() {
        return new TwilioEmulator();
    }

    /** Messages accepted for this E.164 number. */
    public int to(String number) {
        String field = "To=" + URLEncoder.encode("whatsapp:" + number, StandardCharsets.UTF_8);
        return server.findAll(postRequestedFor(urlPathMatching("/2010-04-01/Accounts/[^/]+/Messages\\.json"))
                        .withRequestBody(containing(field)))
                .size();
    }

    @Override
    public void close() {
        server.stop();
    }
}
