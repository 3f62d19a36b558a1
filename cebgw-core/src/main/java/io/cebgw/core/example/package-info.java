/** Complete, valid, realistic example messages: templates for users and fixtures for tests and benchmarks. */
package io.cebgw.core.example;
