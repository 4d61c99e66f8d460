package it.com.bakeryia.alerts.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Liberty's Admin Center and its REST API on a test server's HTTPS port, whose certificate is the
 * self-signed one Liberty generated: trusted here without a chain or host-name check (this
 * connection's only; nothing JVM-wide). Redirects are not followed, so tests see them; cookies are
 * kept per client, as a browser would.
 */
public final class AdminCenterClient {

    private static final SSLSocketFactory TRUST_ALL = trustAll();

    private final URI base;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    public AdminCenterClient(URI base) {
        this.base = base;
    }

    /** A response: status, Location (if any), body, and the names of the cookies it set. */
    public record Response(int status, Optional<String> location, String body, List<String> cookiesSet) {}

    /** GET, with HTTP basic credentials when {@code user} is not null. */
    public Response get(String path, String user, String password) {
        return exchange("GET", path, user == null ? null : basic(user, password), null);
    }

    /** Form login as the login page does it: j_username, j_password and the csrfToken cookie's value. */
    public Response formLogin(String user, String password) {
        get("adminCenter/login.jsp", null, null);
        String form = "j_username=" + encode(user) + "&j_password=" + encode(password) + "&X-CSRF-Token="
                + encode(cookies.getOrDefault("csrfToken", ""));
        return exchange("POST", "adminCenter/j_security_check", null, form);
    }

    public boolean hasCookie(String name) {
        return cookies.containsKey(name);
    }

    private Response exchange(String method, String path, String authorization, String form) {
        try {
            HttpsURLConnection connection =
                    (HttpsURLConnection) base.resolve(path).toURL().openConnection();
            connection.setSSLSocketFactory(TRUST_ALL);
            connection.setHostnameVerifier((host, session) -> true);
            connection.setInstanceFollowRedirects(false);
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(30_000);
            connection.setRequestMethod(method);
            if (!cookies.isEmpty()) {
                connection.setRequestProperty(
                        "Cookie",
                        String.join(
                                "; ",
                                cookies.entrySet().stream()
                                        .map(c -> c.getKey() + "=" + c.getValue())
                                        .toList()));
            }
            if (authorization != null) {
                connection.setRequestProperty("Authorization", authorization);
            }
            if (form != null) {
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(form.getBytes(StandardCharsets.UTF_8));
                }
            }
            int status = connection.getResponseCode();
            List<String> set = new ArrayList<>();
            for (String header : connection.getHeaderFields().getOrDefault("Set-Cookie", List.of())) {
                String pair = header.split(";", 2)[0];
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    String name = pair.substring(0, equals).strip();
                    String value = pair.substring(equals + 1).strip();
                    set.add(name);
                    if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
                        cookies.remove(name);
                    } else {
                        cookies.put(name, value);
                    }
                }
            }
            InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            String body = stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            return new Response(
                    status, Optional.ofNullable(connection.getHeaderField("Location")), body, List.copyOf(set));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + base.resolve(path) + " failed", e);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static SSLSocketFactory trustAll() {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
            return context.getSocketFactory();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
