package io.cebgw.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The gateway server ({@code cebgw serve}, {@code cebgw demo}). */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(GatewayProperties.class)
public class GatewayApplication {
    public static void main(String[] args) {
        start(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        SpringApplication app = new SpringApplication(GatewayApplication.class);
        app.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
        return app.run(args);
    }
}
