package vn.povertyreview.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.povertyreview.ingest.support.CommittedRecords;
import vn.povertyreview.ingest.support.HttpResult;
import vn.povertyreview.ingest.support.IngestClient;
import vn.povertyreview.ingest.support.RunningIngest;
import vn.povertyreview.ingest.support.SharedKafka;
import vn.povertyreview.ingest.support.TestTopics;
import vn.povertyreview.ingest.support.Workbooks;

/**
 * Uploads, in every format, lists that carry the household head's name, ID-card number, phone,
 * date of birth and address beside the review, with accepted and rejected records alike; then
 * reads every topic of the broker, every log line written meanwhile (at DEBUG) and every answer:
 * none holds any of those values. Ingest writes nowhere else (the database is filled from the
 * topics), so no table can hold one either.
 */
class PersonalDataNeverLeavesTest {

    private static final String REVIEWS = "/api/v1/reviews";
    /** Values that exist nowhere else, so that finding one anywhere can only mean it leaked. */
    private static final List<String> PERSONAL = List.of("Đặng Thị Riêng Tư", "079190123456", "0913579246",
            "14/02/1961", "Số 7 ngõ Kín, Hà Trung", "Bùi Văn Bímật", "001234567890", "0987001122", "riengtu@example.vn");

    private static RunningIngest ingest;
    private static IngestClient admin;
    private static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();
    private static Level rootLevel;

    @BeforeAll
    static void startIngestAndCaptureTheLog() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        LOG.start();
        root.addAppender(LOG);
        String bootstrap = SharedKafka.get().bootstrapServers();
        ingest = RunningIngest.start(bootstrap, TestTopics.create(bootstrap));
        admin = ingest.admin();
    }

    @AfterAll
    static void stop() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(LOG);
        root.setLevel(rootLevel);
        ingest.close();
    }

    @Test
    void noPersonalValueReachesAnyTopicAnyLogLineOrAnyAnswer() throws Exception {
        List<HttpResult> answers = new ArrayList<>();
        String csvHeader = "Mã hộ;Năm rà soát;Ngày rà soát;Mã tỉnh;Mã xã;Thôn;Khu vực;Số nhân khẩu;Phân loại;"
                + "Họ và tên chủ hộ;Số CCCD;SĐT;Ngày sinh;Địa chỉ;Email";
        String personal = String.join(";", PERSONAL.subList(0, 5)) + ";" + PERSONAL.get(8);
        answers.add(admin.post(REVIEWS, "text/csv", String.join("\r\n", csvHeader,
                "HH-PD-1;2025;03/11/2025;38;15271;TK1;Nông thôn;4;Hộ nghèo;" + personal,
                "HH-PD-2;2025;03/11/2025;38;99999;TK1;Miền núi;0;Giàu;" + personal) + "\r\n"));

        answers.add(admin.post(REVIEWS, Workbooks.MEDIA_TYPE, Workbooks.of("Sheet1", List.of(
                List.of("Mã hộ", "Năm rà soát", "Ngày rà soát", "Mã tỉnh", "Mã xã", "Thôn", "Khu vực", "Số nhân khẩu", "Phân loại",
                        "Tên chủ hộ", "CMND", "Số điện thoại", "Năm sinh", "Nơi ở"),
                List.of("HH-PD-3", 2025, LocalDateTime.of(2025, 11, 3, 9, 0), 38, 15271, "TK1", "RURAL", 3, "POOR",
                        PERSONAL.get(5), PERSONAL.get(6), PERSONAL.get(7), LocalDate.of(1961, 2, 14), PERSONAL.get(4)),
                List.of("HH-PD-4", "x", "never", 38, 15271, "TK1", "Mountain", -1, "Rich",
                        PERSONAL.get(5), PERSONAL.get(6), PERSONAL.get(7), PERSONAL.get(3), PERSONAL.get(4))))));

        String jsonGood = "{\"householdId\":\"HH-PD-5\",\"reviewYear\":2025,\"reviewedAt\":\"2025-11-03T09:00:00+07:00\","
                + "\"provinceCode\":\"38\",\"communeCode\":\"15271\",\"villageCode\":\"TK1\",\"area\":\"RURAL\",\"members\":2,"
                + "\"classification\":\"NOT_POOR\",\"headName\":\"" + PERSONAL.get(0) + "\",\"nationalId\":\"" + PERSONAL.get(1)
                + "\",\"phone\":\"" + PERSONAL.get(2) + "\",\"dateOfBirth\":\"" + PERSONAL.get(3) + "\",\"address\":\""
                + PERSONAL.get(4) + "\",\"note\":\"" + PERSONAL.get(5) + "\"}";
        String jsonBad = jsonGood.replace("HH-PD-5", "HH-PD-6").replace("\"members\":2", "\"members\":\"four\"")
                .replace("\"RURAL\"", "{\"x\":1}");
        answers.add(admin.post(REVIEWS, "application/json", "[" + jsonGood + "," + jsonBad + "]"));
        answers.add(admin.post(REVIEWS, "application/x-ndjson", jsonGood.replace("HH-PD-5", "HH-PD-7") + "\n"
                + jsonBad.replace("HH-PD-6", "HH-PD-8") + "\n"));

        for (HttpResult answer : answers) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
            assertNoPersonalValueIn(answer.body(), "the answer " + answer);
        }
        assertThat(answers).extracting(a -> a.json().get("accepted").asInt()).containsExactly(1, 1, 1, 1);
        // Every upload's records are committed before its answer; wait until the last rejection is visible.
        String lastSubmission = answers.get(3).json().get("submissionId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> CommittedRecords.of(ingest.bootstrapServers(),
                ingest.topics().rejectedReviews()).stream().anyMatch(r -> lastSubmission.equals(r.value().getSubmissionId())));

        Set<String> topics;
        try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, ingest.bootstrapServers()))) {
            topics = kafka.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
        }
        assertThat(topics).contains(ingest.topics().householdReviews().name(), ingest.topics().rejectedReviews().name());
        int records = 0;
        for (String topic : topics) {
            for (ConsumerRecord<String, byte[]> record : CommittedRecords.raw(ingest.bootstrapServers(), topic)) {
                records++;
                StringBuilder text = new StringBuilder(String.valueOf(record.key()));
                if (record.value() != null) {
                    text.append(new String(record.value(), StandardCharsets.UTF_8));
                }
                for (Header header : record.headers()) {
                    text.append(header.key()).append(header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
                }
                assertNoPersonalValueIn(text.toString(), "record " + topic + "-" + record.partition() + "@" + record.offset());
            }
        }
        assertThat(records).as("records read from every topic").isGreaterThanOrEqualTo(8);

        List<ILoggingEvent> events;
        synchronized (LOG) {
            // The appender appends under this lock; copying under it sees a whole list.
            events = List.copyOf(LOG.list);
        }
        for (ILoggingEvent event : events) {
            StringBuilder text = new StringBuilder(event.getFormattedMessage()).append(event.getMDCPropertyMap());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                text.append(t.getClassName()).append(t.getMessage());
            }
            assertNoPersonalValueIn(text.toString(), "the log line " + event);
        }
        assertThat(events).as("log events captured").isNotEmpty();
    }

    private static void assertNoPersonalValueIn(String text, String where) {
        for (String value : PERSONAL) {
            assertThat(text).as(where).doesNotContain(value);
        }
        // A date of birth typed into a date cell would show as an ISO date if it were read.
        assertThat(text).as(where).doesNotContain("1961-02-14");
    }
}
