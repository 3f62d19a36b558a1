package io.cebgw.server.web;

import io.cebgw.server.store.UserRow;
import org.springframework.http.HttpMethod;

import io.cebgw.server.store.UserStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two doors. The machine door ({@code /api/}, {@code /admin/}, OpenAPI, {@code /actuator/}) keeps its own keys (X-Api-Key,
 * X-Admin-Key, the metrics token),
 * no session, no CSRF. The people door (every web page) is a form login with a session and CSRF tokens; every page
 * needs a signed-in user except the login page and static files.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication(type = org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type.SERVLET)
class WebSecurity {
    @Bean
    @Order(1)
    SecurityFilterChain machines(HttpSecurity http) throws Exception {
        return http.securityMatcher("/api/**", "/admin/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/**")
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // the keys are checked by their own filters: no session, saved request, anonymous user or logout here
                .securityContext(c -> c.disable())
                .requestCache(c -> c.disable())
                .anonymous(a -> a.disable())
                .logout(l -> l.disable())
                .servletApi(a -> a.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain people(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(a -> a.requestMatchers("/login", "/css/**", "/js/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/logout").authenticated()
                        // webhooks and the enterprise's relationships: its administrators only
                        .requestMatchers("/webhooks", "/webhooks/**").hasAnyRole(UserRow.USER, UserRow.PLATFORM)
                        .requestMatchers(HttpMethod.POST, "/enterprise/**").hasAnyRole(UserRow.USER, UserRow.PLATFORM)
                        // a viewer reads; everything that changes something is a POST
                        .requestMatchers(HttpMethod.POST, "/**").hasAnyRole(UserRow.USER, UserRow.PLATFORM, UserRow.DECLARANT)
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", true).failureUrl("/login?error"))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; img-src 'self' data:; style-src 'self'")))
                .build();
    }

    @Bean
    UserDetailsService users(UserStore users) {
        return username -> users.byUsername(username)
                .map(u -> User.withUsername(u.username()).password(u.passwordHash()).roles(u.role()).build())
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
