/**
 * The lists that span packages: {@link io.cebgw.core.registry.ProblemRegistry}, every problem code of every part
 * (kept apart from {@code problem} so that the packages whose codes it lists may use {@code problem} themselves).
 */
package io.cebgw.core.registry;
