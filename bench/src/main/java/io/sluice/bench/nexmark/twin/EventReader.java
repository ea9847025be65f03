package io.sluice.bench.nexmark.twin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sluice.bench.nexmark.Auction;
import io.sluice.bench.nexmark.Bid;
import io.sluice.bench.nexmark.NexmarkEvent;
import io.sluice.bench.nexmark.Person;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Flink Nexmark's nested JSON records with Jackson's streaming parser into the generator's
 * event records, skipping as early as it can the records of event types a query does not read.
 * Field order is not assumed; times are {@code yyyy-MM-dd HH:mm:ss.SSS} in UTC.
 */
public final class EventReader implements Deserializer<NexmarkEvent> {

  private static final JsonFactory JSON = new JsonFactory();
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private final boolean[] wanted = new boolean[3];
  private String cachedDate = "";
  private long cachedDayMillis;

  /** @param eventTypes the {@code event_type}s to read (0 person, 1 auction, 2 bid); others read as null */
  public EventReader(int... eventTypes) {
    for (int type : eventTypes) {
      wanted[type] = true;
    }
  }

  @Override
  public NexmarkEvent deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    try (JsonParser p = JSON.createParser(data)) {
      return read(p);
    } catch (IOException e) {
      throw new UncheckedIOException("not a Nexmark event: " + e.getMessage(), e);
    }
  }

  private NexmarkEvent read(JsonParser p) throws IOException {
    if (p.nextToken() != JsonToken.START_OBJECT) {
      return null;
    }
    int type = -1;
    NexmarkEvent event = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if (field.equals("event_type")) {
        type = p.getIntValue();
        if (type < 0 || type > 2 || !wanted[type]) {
          return null;
        }
      } else if (value == JsonToken.START_OBJECT && (type < 0 || typeName(type).equals(field))) {
        switch (field) {
          case "person" -> event = wanted[0] ? person(p) : skip(p);
          case "auction" -> event = wanted[1] ? auction(p) : skip(p);
          case "bid" -> event = wanted[2] ? bid(p) : skip(p);
          default -> p.skipChildren();
        }
      } else {
        p.skipChildren();
      }
    }
    return event != null && event.eventType() == type ? event : null;
  }

  private static String typeName(int type) {
    return type == 0 ? "person" : type == 1 ? "auction" : "bid";
  }

  private static NexmarkEvent skip(JsonParser p) throws IOException {
    p.skipChildren();
    return null;
  }

  private Person person(JsonParser p) throws IOException {
    long id = 0;
    long dateTime = 0;
    String name = null;
    String email = null;
    String card = null;
    String city = null;
    String state = null;
    String extra = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "id" -> id = p.getLongValue();
        case "name" -> name = p.getText();
        case "emailAddress" -> email = p.getText();
        case "creditCard" -> card = p.getText();
        case "city" -> city = p.getText();
        case "state" -> state = p.getText();
        case "dateTime" -> dateTime = millis(p.getText());
        case "extra" -> extra = p.getText();
        default -> p.skipChildren();
      }
    }
    return new Person(id, name, email, card, city, state, dateTime, extra);
  }

  private Auction auction(JsonParser p) throws IOException {
    long id = 0;
    long initialBid = 0;
    long reserve = 0;
    long dateTime = 0;
    long expires = 0;
    long seller = 0;
    long category = 0;
    String itemName = null;
    String description = null;
    String extra = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "id" -> id = p.getLongValue();
        case "itemName" -> itemName = p.getText();
        case "description" -> description = p.getText();
        case "initialBid" -> initialBid = p.getLongValue();
        case "reserve" -> reserve = p.getLongValue();
        case "dateTime" -> dateTime = millis(p.getText());
        case "expires" -> expires = millis(p.getText());
        case "seller" -> seller = p.getLongValue();
        case "category" -> category = p.getLongValue();
        case "extra" -> extra = p.getText();
        default -> p.skipChildren();
      }
    }
    return new Auction(id, itemName, description, initialBid, reserve, dateTime, expires, seller, category, extra);
  }

  private Bid bid(JsonParser p) throws IOException {
    long auction = 0;
    long bidder = 0;
    long price = 0;
    long dateTime = 0;
    String channel = null;
    String url = null;
    String extra = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "auction" -> auction = p.getLongValue();
        case "bidder" -> bidder = p.getLongValue();
        case "price" -> price = p.getLongValue();
        case "channel" -> channel = p.getText();
        case "url" -> url = p.getText();
        case "dateTime" -> dateTime = millis(p.getText());
        case "extra" -> extra = p.getText();
        default -> p.skipChildren();
      }
    }
    return new Bid(auction, bidder, price, channel, url, dateTime, extra);
  }

  /** {@code yyyy-MM-dd HH:mm:ss.SSS} (UTC) as epoch milliseconds; the date part is cached, it rarely changes. */
  long millis(String text) {
    if (text.length() != 23 || text.charAt(10) != ' ') {
      throw new IllegalArgumentException("not a yyyy-MM-dd HH:mm:ss.SSS time: " + text);
    }
    if (!text.regionMatches(0, cachedDate, 0, 10) || cachedDate.isEmpty()) {
      cachedDate = text.substring(0, 10);
      cachedDayMillis = LocalDate.parse(cachedDate).toEpochDay() * MILLIS_PER_DAY;
    }
    return cachedDayMillis + digits(text, 11, 2) * 3_600_000L + digits(text, 14, 2) * 60_000L
        + digits(text, 17, 2) * 1000L + digits(text, 20, 3);
  }

  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("not a yyyy-MM-dd HH:mm:ss.SSS time: " + text);
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
