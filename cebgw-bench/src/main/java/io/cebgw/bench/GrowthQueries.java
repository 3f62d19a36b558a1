package io.cebgw.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times what people ask of a grown database, one request after another as a person or an integrator would: API
 * lists and searches (X-Api-Key) and the signed-in web pages (session cookie). Each case runs {@code warmUp} times
 * unmeasured, then {@code runs} times; {@code path} gets the run's number, so each request can ask for something else.
 */
final class GrowthQueries {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;
    private final int warmUp;
    private final int runs;
    private final List<String> lines = new ArrayList<>();

    GrowthQueries(int port, int warmUp, int runs) {
        this.port = port;
        this.warmUp = warmUp;
        this.runs = runs;
    }

    /** Times one case; {@code header} is "X-Api-Key: …" or "Cookie: …". */
    void time(String name, String header, IntFunction<String> path) throws Exception {
        for (int i = 0; i < warmUp; i++) {
            get(header, path.apply(runs + i));
        }
        long[] nanos = new long[runs];
        int rows = 0;
        boolean json = false;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = get(header, path.apply(i));
            nanos[i] = System.nanoTime() - t0;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(name + ": HTTP " + r.statusCode() + " for " + path.apply(i) + ": " + r.body());
            }
            json = r.body().startsWith("[");
            rows += json ? r.body().split("\"id\"", -1).length - 1 : 0;
        }
        Arrays.sort(nanos);
        String line = String.format("| %s | %.1f | **%.1f** | %.1f | %s |", name, nanos[runs / 2] / 1e6, nanos[(int) Math.ceil(runs * 0.95) - 1] / 1e6,
                nanos[runs - 1] / 1e6, json ? String.valueOf(rows / runs) : "page");
        lines.add(line);
        System.out.println(line);
    }

    List<String> lines() {
        return lines;
    }

    private HttpResponse<String> get(String header, String path) throws IOException, InterruptedException {
        int colon = header.indexOf(':');
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header(header.substring(0, colon), header.substring(colon + 2))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in through the form, as a browser does; returns "Cookie: CEBGW_SESSION=…". */
    String signIn(String username, String password) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = CSRF.matcher(form.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token in the sign-in page");
        }
        String token = m.group(1) != null ? m.group(1) : m.group(2);
        String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Cookie", "CEBGW_SESSION=" + session(form)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in refused: " + signedIn.statusCode());
        }
        return "Cookie: CEBGW_SESSION=" + session(signedIn);
    }

    private static String session(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("CEBGW_SESSION="))
                .map(c -> c.substring("CEBGW_SESSION=".length(), c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no session cookie"));
    }
}
