package dev.khabar.console.dashboard;

import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The browsers listening on {@code /events}: each gets every snapshot the dashboard pushes. */
final class EventStream {

    static final String SNAPSHOT = "snapshot";

    private final List<SseClient> clients = new CopyOnWriteArrayList<>();

    void add(SseClient client, String first) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
        client.sendEvent(SNAPSHOT, first);
    }

    int size() {
        return clients.size();
    }

    void broadcast(String json) {
        for (SseClient c : clients) {
            if (c.terminated()) {
                clients.remove(c);
            } else {
                c.sendEvent(SNAPSHOT, json);
            }
        }
    }

    void closeAll() {
        clients.forEach(SseClient::close);
        clients.clear();
    }
}
