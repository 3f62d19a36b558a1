package io.cebgw.server.api;

import io.cebgw.crypto.SignatureSuite;
import io.cebgw.sandbox.FlowDocuments;
import io.cebgw.server.document.EnterpriseService;
import io.cebgw.server.document.JsonMessages;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 50 parallel creates of one business key through the API: exactly one 201, and 409 with its code for the others;
 * 20 parallel declarations of one draft (two clicks, or the shipment dispatchers of two nodes): it goes out once.
 */
class ConcurrentCreateTest extends GatewayTestBase {
    @Test
    void fiftyParallelCreatesOfOneKeyGiveOne201AndFortyNine409() throws Exception {
        EnterpriseService.Registered e = enterprises.register("并发企业", "3301964ABC", "DXPENT0000055555", "EBC,AGENT",
                profile(SignatureSuite.SM2_SM3, "race"));
        String order = JsonMessages.write(FlowDocuments.flow("9710", "RACE-", "3301964ABC", "DXPENT0000055555").get(0)).toString();
        List<Integer> statuses = atOnce(50, () -> call("POST", "/api/v1/documents", e.apiKey(), "application/json", order), "GW-D004");
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(49);
        assertThat(JSON.readTree(call("GET", "/api/v1/documents", e.apiKey(), null, null).body())).hasSize(1);
    }

    @Test
    void aDraftDeclaredTwentyTimesAtOnceGoesOutOnce() throws Exception {
        EnterpriseService.Registered e = enterprises.register("并发申报", "3301964ABC", "DXPENT0000055558", "EBC,AGENT",
                profile(SignatureSuite.SM2_SM3, "race-declare"));
        String order = JsonMessages.write(FlowDocuments.flow("9710", "RACED-", "3301964ABC", "DXPENT0000055558").get(0)).toString();
        HttpResponse<String> draft = call("POST", "/api/v1/documents", e.apiKey(), "application/json", order);
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        String id = JSON.readTree(draft.body()).path("id").asText();
        List<Integer> statuses = atOnce(20, () -> call("POST", "/api/v1/documents/" + id + "/declare", e.apiKey(), null, null), "GW-D005");
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(19);
        assertThat(JSON.readTree(call("GET", "/api/v1/documents/" + id, e.apiKey(), null, null).body()).path("outbox")).as("one message to send").hasSize(1);
    }

    /** Makes the same call from {@code n} threads released at once; the HTTP statuses, each 409 checked for its code. */
    private static List<Integer> atOnce(int n, Callable<HttpResponse<String>> request, String conflictCode) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> a : answers) {
                HttpResponse<String> r = a.get();
                statuses.add(r.statusCode());
                if (r.statusCode() == 409) {
                    assertThat(r.body()).contains(conflictCode);
                }
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
