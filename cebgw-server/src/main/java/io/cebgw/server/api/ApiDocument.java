package io.cebgw.server.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's front matter: what the API is, its version, and the two keys it takes — X-Api-Key for an
 * enterprise's calls, X-Admin-Key for the administration — so that Swagger UI's Authorize button asks for them.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocument {
    static final String API_KEY = "apiKey";
    static final String ADMIN_KEY = "adminKey";

    @Bean
    OpenAPI cebgwOpenApi() {
        return new OpenAPI()
                .info(new Info().title("CEB Gateway API").version("v1")
                        .description("Cross-border e-commerce B2B export declarations (9710, 9810; also 9610, 1210) through the China "
                                + "International Trade Single Window: create documents (JSON or CEB XML), declare them (the gateway signs, "
                                + "wraps and sends), follow their receipts, and send whole shipments in order. Every refusal is "
                                + "application/problem+json with a stable code (docs/problems.md) and Chinese and English text. "
                                + "跨境电商 B2B 出口申报网关接口：录入、申报、回执跟踪、整票货物。")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
                                .name("X-Api-Key").description("The enterprise's API key (企业的接口密钥)"))
                        .addSecuritySchemes(ADMIN_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER)
                                .name("X-Admin-Key").description("The administration key, cebgw.admin-key (管理密钥)")))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY));
    }
}
