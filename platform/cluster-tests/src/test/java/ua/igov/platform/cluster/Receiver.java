package ua.igov.platform.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The other end of the nodes' test channel, like a mail server: it takes each message slowly (so a node can be killed
 * while it is delivering) and remembers every delivery with its key and the node that made it. Like a journal
 * mailbox it answers {@code GET /delivered?key=...} with {@code yes} or {@code no}, and counts the questions.
 */
final class Receiver implements AutoCloseable {

    record Delivery(String key, String node, long atNanos) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final Duration answerAfter;
    final ConcurrentLinkedQueue<Delivery> deliveries = new ConcurrentLinkedQueue<>();
    /** The keys nodes asked about, with the answer: {@code outbox-7=yes}. */
    final ConcurrentLinkedQueue<String> checks = new ConcurrentLinkedQueue<>();

    Receiver(Duration answerAfter) throws IOException {
        this.answerAfter = answerAfter;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/deliver", this::deliver);
        server.createContext("/delivered", this::delivered);
        server.setExecutor(threads);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/deliver";
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new HashMap<>();
        for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    private void deliver(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange);
        exchange.getRequestBody().readAllBytes();
        // taken, as a mail server takes a message once its data arrived; the answer comes later
        deliveries.add(new Delivery(query.get("key"), query.get("node"), System.nanoTime()));
        KarafNode.pause(answerAfter);
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }

    private void delivered(HttpExchange exchange) throws IOException {
        String key = query(exchange).get("key");
        // a message counts from the moment its data arrived, as in deliver()
        String answer = deliveries.stream().anyMatch(d -> d.key().equals(key)) ? "yes" : "no";
        checks.add(key + "=" + answer);
        byte[] body = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** How many times each key arrived. */
    Map<String, Integer> countsByKey() {
        Map<String, Integer> counts = new HashMap<>();
        for (Delivery d : deliveries) {
            counts.merge(d.key(), 1, Integer::sum);
        }
        return counts;
    }

    long by(String node) {
        return deliveries.stream().filter(d -> d.node().equals(node)).count();
    }

    List<Delivery> byAfter(String node, long nanos) {
        return deliveries.stream().filter(d -> d.node().equals(node) && d.atNanos() > nanos).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
