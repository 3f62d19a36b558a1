package io.cebgw.server.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The web pages over plain HTTP, as a browser without JavaScript uses them: the sign-in form, its CSRF token, the session cookie. */
public final class FormSignIn {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private FormSignIn() {
    }

    /** Signs in through the form (with its CSRF token) and returns the session cookie's value. */
    public static String session(int port, String username, String password) throws Exception {
        HttpResponse<String> form = get(port, "/login", null);
        String cookie = cookie(form);
        String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf(form.body()), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = post(port, "/login", cookie, body);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return cookie(signedIn);
    }

    /** A page with this session cookie (none when {@code session} is null); redirects are not followed. */
    public static HttpResponse<String> get(int port, String path, String session) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (session != null) {
            b.header("Cookie", "CEBGW_SESSION=" + session);
        }
        return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form post with this session cookie. */
    public static HttpResponse<String> post(int port, String path, String session, String formBody) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Cookie", "CEBGW_SESSION=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(formBody)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The CSRF token of a page's form. */
    public static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    private static String cookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("CEBGW_SESSION="))
                .map(c -> c.substring("CEBGW_SESSION=".length(), c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
    }
}
