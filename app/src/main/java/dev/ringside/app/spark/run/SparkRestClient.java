package dev.ringside.app.spark.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a running application's stages and tasks from Spark's monitoring REST API ({@code /api/v1}) on the driver's
 * web UI. Every call may fail (the UI is not up yet, or is already gone): callers treat a failure as "not known now".
 */
public final class SparkRestClient {

    /** One attempt of a stage, with its task counts and the rows its tasks read so far. */
    public record Stage(int stageId, int attemptId, String status, int numTasks, int active, int complete, int failed,
                        long inputRecords, long outputRecords) {
    }

    /** One task attempt: the split (task index) it reads, its state, rows read, executor host and time. */
    public record Task(int index, String status, long recordsRead, String host, long durationMillis) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String uiUrl;

    /** @param uiUrl the driver's web UI, e.g. {@code http://127.0.0.1:4040} */
    public SparkRestClient(String uiUrl) {
        this.uiUrl = uiUrl.endsWith("/") ? uiUrl.substring(0, uiUrl.length() - 1) : uiUrl;
    }

    public List<Stage> stages(String appId) throws IOException, InterruptedException {
        List<Stage> stages = new ArrayList<>();
        for (JsonNode s : get("/applications/" + encode(appId) + "/stages")) {
            stages.add(new Stage(s.path("stageId").asInt(), s.path("attemptId").asInt(), s.path("status").asText(""),
                    s.path("numTasks").asInt(), s.path("numActiveTasks").asInt(), s.path("numCompleteTasks").asInt(),
                    s.path("numFailedTasks").asInt(), s.path("inputRecords").asLong(), s.path("outputRecords").asLong()));
        }
        return stages;
    }

    public List<Task> tasks(String appId, Stage stage) throws IOException, InterruptedException {
        List<Task> tasks = new ArrayList<>();
        String path = "/applications/" + encode(appId) + "/stages/" + stage.stageId() + "/" + stage.attemptId()
                + "/taskList?offset=0&length=" + Math.max(1, stage.numTasks() * 4);
        for (JsonNode t : get(path)) {
            tasks.add(new Task(t.path("index").asInt(), t.path("status").asText(""),
                    t.path("taskMetrics").path("inputMetrics").path("recordsRead").asLong(), t.path("host").asText(""),
                    t.path("duration").asLong()));
        }
        return tasks;
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(uiUrl + "/api/v1" + path))
                .timeout(Duration.ofSeconds(3)).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("Spark's REST API answered " + response.statusCode() + " for " + path);
        }
        return json.readTree(response.body());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
