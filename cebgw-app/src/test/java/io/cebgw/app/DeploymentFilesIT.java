package io.cebgw.app;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment files of docs/ops as an operator uses them, short of a container runtime (there is none on the build
 * machines): the compose file, nginx, the Dockerfile and the shared settings agree with one another, and a gateway
 * started the way compose starts a node — the runnable jar, {@code serve --config application.properties}, the node's
 * environment from compose.yaml — comes up ready on the machine's PostgreSQL and RabbitMQ, with the admin key and the
 * metrics token it was given. Only the host names (compose's service names), the broker's vhost and user, and the
 * export folder (a path inside the image) are pointed at this machine.
 */
@Tag("slow") // starts the gateway from its jar: runs under failsafe (mvn verify)
class DeploymentFilesIT {
    private static final Path OPS = Path.of("..", "docs", "ops");
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{(\\w+):\\?[^}]*}");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dir;

    @Test
    void composeNginxAndTheImageAgree() throws Exception {
        Map<String, Object> compose = compose();
        Map<String, Object> services = map(compose.get("services"));
        List<String> nodes = services.keySet().stream().filter(s -> s.startsWith("node")).toList();
        assertThat(nodes).as("two gateway nodes").hasSize(2);
        assertThat(services.get(nodes.get(0))).as("the nodes are one definition").isEqualTo(services.get(nodes.get(1)));
        assertThat(services).containsKeys("postgres", "rabbitmq", "proxy");
        assertThat(list(map(services.get("proxy")).get("depends_on"))).containsExactlyInAnyOrderElementsOf(nodes);

        String nginx = Files.readString(OPS.resolve("nginx.conf"));
        Properties settings = settings();
        List<String> upstream = new ArrayList<>();
        Matcher server = Pattern.compile("server\\s+(\\S+?):(\\d+)").matcher(nginx);
        while (server.find()) {
            upstream.add(server.group(1));
            assertThat(server.group(2)).as("nginx sends to the port the nodes listen on").isEqualTo(settings.getProperty("server.port"));
        }
        assertThat(upstream).containsExactlyInAnyOrderElementsOf(nodes);

        Map<String, Object> node = map(services.get(nodes.get(0)));
        List<String> volumes = list(node.get("volumes")).stream().map(v -> v.replaceFirst("\\s+#.*", "")).toList();
        String dockerfile = Files.readString(OPS.resolve("Dockerfile"));
        Matcher config = Pattern.compile("CMD \\[\"serve\", \"--config\", \"([^\"]+)\"]").matcher(dockerfile);
        assertThat(config.find()).as("the image's command").isTrue();
        assertThat(volumes).as("the settings file is mounted where the image reads it").contains("./application.properties:" + config.group(1) + ":ro");
        String exportFolder = settings.getProperty("cebgw.archive.export-folder");
        assertThat(volumes).as("the export folder is the shared volume").anyMatch(v -> v.endsWith(":" + exportFolder));
        assertThat(dockerfile).as("the image makes the export folder for its user").contains("install -d -o cebgw " + exportFolder);
        for (String v : volumes) {
            String source = v.split(":")[0];
            if (!source.startsWith(".")) {
                assertThat(map(compose.get("volumes"))).as("named volume " + source).containsKey(source);
            }
        }
    }

    @Test
    void aNodeStartsWithComposesEnvironmentAndTheSharedSettings() throws Exception {
        Map<String, String> environment = nodeEnvironment();
        String database = "cebgw_deploy";
        if (!reachable(5432) || !reachable(5672)) {
            Assumptions.assumeFalse("true".equalsIgnoreCase(System.getenv("CI")), "CI=true: PostgreSQL and RabbitMQ must run");
            Assumptions.abort("PostgreSQL or RabbitMQ is not running here: the compose node is not started (it runs in CI)");
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", ""); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
            s.execute("create database " + database);
        }
        // compose's service names and the broker's vhost and user are this machine's
        environment.replaceAll((k, v) -> v.replace("//postgres:5432/cebgw", "//127.0.0.1:5432/" + database).replace("//rabbitmq:5672/cebgw", "//127.0.0.1:5672"));
        environment.put("SPRING_DATASOURCE_USERNAME", "postgres");
        environment.put("CEBGW_TRANSPORT_USER", "guest");
        environment.put("CEBGW_MQ_PASSWORD", "guest");
        environment.put("CEBGW_TRANSPORT_QUEUES", "cebgw.deploy." + UUID.randomUUID());
        int port = freePort();
        Path jar = Path.of("target", "cebgw.jar").toAbsolutePath();
        assertThat(jar).as("the runnable jar (mvn package)").exists();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", jar.toString(),
                "serve", "--config", OPS.resolve("application.properties").toAbsolutePath().toString(), "--server.port=" + port,
                "--cebgw.archive.export-folder=" + dir.resolve("archive-export"))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("node.log").toFile());
        builder.environment().putAll(environment);
        Process node = builder.start();
        try {
            String base = "http://127.0.0.1:" + port;
            HttpResponse<String> ready = awaitReady(node, base + "/actuator/health/readiness", dir.resolve("node.log"));
            assertThat(ready.body()).as("readiness is the node's own").contains("\"db\":{\"status\":\"UP\"").doesNotContain("transports");
            HttpResponse<String> enterprises = get(base + "/actuator/health/enterprises", "Accept", "application/json");
            assertThat(enterprises.statusCode()).as(enterprises.body()).isEqualTo(200);
            assertThat(enterprises.body()).as("the default transport, from compose's settings, logged in").contains("\"transports\":{\"status\":\"UP\"");
            assertThat(get(base + "/admin/v1/enterprises", "X-Admin-Key", environment.get("CEBGW_ADMIN_KEY")).statusCode())
                    .as("the admin key from the environment").isEqualTo(200);
            assertThat(get(base + "/admin/v1/enterprises", "X-Admin-Key", "not-the-key").statusCode()).isEqualTo(401);
            assertThat(get(base + "/actuator/prometheus", "Authorization", "Bearer " + environment.get("CEBGW_METRICS_TOKEN")).statusCode())
                    .as("the metrics token from the environment").isEqualTo(200);
            // one enterprise whose own broker does not answer: the enterprises' group says so, the node stays ready (in
            // rotation): with several nodes, one enterprise's broker must not take every node out at once
            Files.writeString(dir.resolve("mq.pw"), "guest\n");
            String broken = "{\"name\":\"连不上\",\"customsCode\":\"3301964ABC\",\"dxpId\":\"DXPENT0000067801\",\"transportProfile\":\"type=amqp\\n"
                    + "uri=amqp://127.0.0.1:1\\nuser=guest\\nqueues=cebgw.deploy.broken\\npassword.file=" + dir.resolve("mq.pw") + "\\n\"}";
            HttpResponse<String> registered = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/admin/v1/enterprises")).header("Content-Type", "application/json")
                    .header("X-Admin-Key", environment.get("CEBGW_ADMIN_KEY")).POST(HttpRequest.BodyPublishers.ofString(broken)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            assertThat(get(base + "/actuator/health/enterprises", "Accept", "application/json").statusCode()).isEqualTo(503);
            assertThat(get(base + "/actuator/health/readiness", "Accept", "application/json").statusCode()).as("still ready").isEqualTo(200);
            assertThat(Files.readString(dir.resolve("node.log"))).as("no secret in the log")
                    .doesNotContain(environment.get("CEBGW_ADMIN_KEY")).doesNotContain(environment.get("CEBGW_METRICS_TOKEN"));
        } finally {
            node.destroy();
            node.waitFor();
        }
    }

    /** The environment compose gives a node, with the secrets .env would hold. */
    private Map<String, String> nodeEnvironment() throws IOException {
        Map<String, Object> node = map(map(compose().get("services")).get("node1"));
        Map<String, String> environment = new HashMap<>();
        map(node.get("environment")).forEach((k, v) -> {
            Matcher required = REQUIRED.matcher(String.valueOf(v));
            environment.put(k, required.matches() ? required.group(1).toLowerCase() + "0123456789abcdef" : String.valueOf(v));
        });
        return environment;
    }

    private static HttpResponse<String> awaitReady(Process node, String url, Path log) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < end) {
            if (!node.isAlive()) {
                throw new AssertionError("the node stopped: " + Files.readString(log));
            }
            try {
                HttpResponse<String> r = get(url, "Accept", "application/json");
                if (r.statusCode() == 200) {
                    return r;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the node did not become ready: " + Files.readString(log));
    }

    private static HttpResponse<String> get(String url, String header, String value) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header(header, value).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> compose() throws IOException {
        try (Reader in = Files.newBufferedReader(OPS.resolve("compose.yaml"))) {
            return new Yaml().load(in);
        }
    }

    private static Properties settings() throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(OPS.resolve("application.properties"))) {
            p.load(in);
        }
        return p;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object yaml) {
        return (Map<String, Object>) yaml;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Object yaml) {
        return (List<String>) yaml;
    }

    private static boolean reachable(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
