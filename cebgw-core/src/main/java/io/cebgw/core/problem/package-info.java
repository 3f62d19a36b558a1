/**
 * Problems as data: {@link io.cebgw.core.problem.ProblemCode} (a stable code, the HTTP status an API answers with,
 * zh/en message templates, whether a retry can help) and its enums per part — the gateway's API and pages, the
 * transports, the key sources and signing, the command line. One code never means two things;
 * {@link io.cebgw.core.registry.ProblemRegistry} lists them all.
 */
package io.cebgw.core.problem;
