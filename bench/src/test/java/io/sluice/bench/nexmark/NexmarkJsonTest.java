package io.sluice.bench.nexmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NexmarkJsonTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Map<String, List<String>> FIELDS = Map.of(
      "person", List.of("id", "name", "emailAddress", "creditCard", "city", "state", "dateTime", "extra"),
      "auction", List.of("id", "itemName", "description", "initialBid", "reserve", "dateTime", "expires", "seller",
          "category", "extra"),
      "bid", List.of("auction", "bidder", "price", "channel", "url", "dateTime", "extra"));
  private static final List<String> NUMBERS =
      List.of("id", "initialBid", "reserve", "seller", "category", "auction", "bidder", "price");
  private static final List<String> TIMES = List.of("dateTime", "expires");

  private final NexmarkGenerator generator = new NexmarkGenerator(42, NexmarkGenerator.DEFAULT_EVENTS_PER_SECOND);
  private final NexmarkJson json = new NexmarkJson();

  @Test
  void theNestedLayoutHasTheEventTypeAndOneObjectPerTypeTheOtherTwoNull() throws IOException {
    List<String> types = List.of("person", "auction", "bid");
    for (long n = 0; n < 2_000; n++) {
      NexmarkEvent event = generator.event(n);
      JsonNode record = MAPPER.readTree(json.write(event, NexmarkLayout.NESTED));
      assertEquals(List.of("event_type", "person", "auction", "bid"), names(record), "event " + n);
      assertTrue(record.get("event_type").isInt());
      assertEquals(event.eventType(), record.get("event_type").intValue());
      for (int type = 0; type < 3; type++) {
        JsonNode object = record.get(types.get(type));
        assertEquals(type == event.eventType(), object.isObject(), "event " + n + ", " + types.get(type));
        assertEquals(type != event.eventType(), object.isNull(), "event " + n + ", " + types.get(type));
      }
    }
  }

  @Test
  void eachObjectHasFlinksFieldsInOrderWithTheirTypes() throws IOException {
    for (long number = 0; number < 2_000; number++) {
      long n = number;
      NexmarkEvent event = generator.event(n);
      JsonNode object = MAPPER.readTree(json.write(event, NexmarkLayout.NESTED)).get(event.typeName());
      assertEquals(FIELDS.get(event.typeName()), names(object), "event " + n);
      object.fields().forEachRemaining(field -> {
        String name = field.getKey();
        JsonNode value = field.getValue();
        if (NUMBERS.contains(name)) {
          assertTrue(value.isIntegralNumber(), "event " + n + ": " + name + " " + value);
        } else {
          assertTrue(value.isTextual(), "event " + n + ": " + name + " " + value);
        }
        if (TIMES.contains(name)) {
          assertTrue(value.textValue().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}"), value.textValue());
        }
      });
      assertEquals(json.dateTime(event.dateTime()), object.get("dateTime").textValue());
    }
  }

  @Test
  void theFlatLayoutIsTheNestedLayoutsObjectAlone() throws IOException {
    for (long n = 0; n < 500; n++) {
      NexmarkEvent event = generator.event(n);
      JsonNode nested = MAPPER.readTree(json.write(event, NexmarkLayout.NESTED));
      JsonNode flat = MAPPER.readTree(json.write(event, NexmarkLayout.FLAT));
      assertEquals(nested.get(event.typeName()), flat, "event " + n);
    }
  }

  @Test
  void fieldValuesAreTheEventsOwn() throws IOException {
    Bid bid = new Bid(1001, 1002, 12_345, "chan \"q\"", "https://x/y?a=1&channel_id=5", 1_000, "pad\\ding");
    JsonNode object = MAPPER.readTree(json.write(bid, NexmarkLayout.FLAT));
    assertEquals(1001, object.get("auction").longValue());
    assertEquals(1002, object.get("bidder").longValue());
    assertEquals(12_345, object.get("price").longValue());
    assertEquals("chan \"q\"", object.get("channel").textValue());
    assertEquals("https://x/y?a=1&channel_id=5", object.get("url").textValue());
    assertEquals("1970-01-01 00:00:01.000", object.get("dateTime").textValue());
    assertEquals("pad\\ding", object.get("extra").textValue());
  }

  @Test
  void timesAreWrittenInUtcWithMilliseconds() {
    long start = NexmarkGenerator.START.toEpochMilli();
    assertEquals("2015-07-15 00:00:00.000", json.dateTime(start));
    assertEquals("2015-07-15 23:59:59.999", json.dateTime(start + 86_399_999));
    assertEquals("2015-07-16 00:00:00.007", json.dateTime(start + 86_400_007));
    DateTimeFormatter reference = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 1_000; i++) {
      long millis = start + random.nextLong(400L * 86_400_000);
      assertEquals(reference.format(Instant.ofEpochMilli(millis)), json.dateTime(millis));
    }
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
