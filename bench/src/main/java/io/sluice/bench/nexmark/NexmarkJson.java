package io.sluice.bench.nexmark;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Writes Nexmark events as JSON, in either {@link NexmarkLayout}: the nested one, Flink Nexmark's
 * {@code {"event_type":2,"person":null,"auction":null,"bid":{...}}}, or the flat one, just the
 * event's own object. Field names and order are Flink Nexmark's; times are UTC strings
 * {@code yyyy-MM-dd HH:mm:ss.SSS}, as Flink's JSON format writes a {@code TIMESTAMP(3)}.
 *
 * <p>Not thread-safe: one writer per thread, reused across events so writing allocates little.
 */
public final class NexmarkJson {

  private static final long MILLIS_PER_DAY = 86_400_000L;

  private final StringBuilder text = new StringBuilder(1024);
  private long cachedDay = Long.MIN_VALUE;
  private String cachedDate;

  /** The event as one JSON value of the layout. */
  public byte[] write(NexmarkEvent event, NexmarkLayout layout) {
    text.setLength(0);
    if (layout == NexmarkLayout.NESTED) {
      text.append("{\"event_type\":").append(event.eventType());
      for (String type : new String[] {"person", "auction", "bid"}) {
        text.append(",\"").append(type).append("\":");
        if (type.equals(event.typeName())) {
          object(event);
        } else {
          text.append("null");
        }
      }
      text.append('}');
    } else {
      object(event);
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** {@code millis} as {@code yyyy-MM-dd HH:mm:ss.SSS}, UTC. */
  public String dateTime(long millis) {
    long day = Math.floorDiv(millis, MILLIS_PER_DAY);
    if (day != cachedDay) {
      cachedDay = day;
      cachedDate = LocalDate.ofEpochDay(day).toString();
    }
    int ofDay = (int) Math.floorMod(millis, MILLIS_PER_DAY);
    StringBuilder out = new StringBuilder(23).append(cachedDate).append(' ');
    twoDigits(out, ofDay / 3_600_000).append(':');
    twoDigits(out, ofDay / 60_000 % 60).append(':');
    twoDigits(out, ofDay / 1000 % 60).append('.');
    int ms = ofDay % 1000;
    return out.append((char) ('0' + ms / 100)).append((char) ('0' + ms / 10 % 10)).append((char) ('0' + ms % 10))
        .toString();
  }

  private void object(NexmarkEvent event) {
    if (event instanceof Person p) {
      text.append("{\"id\":").append(p.id());
      string("name", p.name());
      string("emailAddress", p.emailAddress());
      string("creditCard", p.creditCard());
      string("city", p.city());
      string("state", p.state());
      string("dateTime", dateTime(p.dateTime()));
      string("extra", p.extra());
    } else if (event instanceof Auction a) {
      text.append("{\"id\":").append(a.id());
      string("itemName", a.itemName());
      string("description", a.description());
      number("initialBid", a.initialBid());
      number("reserve", a.reserve());
      string("dateTime", dateTime(a.dateTime()));
      string("expires", dateTime(a.expires()));
      number("seller", a.seller());
      number("category", a.category());
      string("extra", a.extra());
    } else {
      Bid b = (Bid) event;
      text.append("{\"auction\":").append(b.auction());
      number("bidder", b.bidder());
      number("price", b.price());
      string("channel", b.channel());
      string("url", b.url());
      string("dateTime", dateTime(b.dateTime()));
      string("extra", b.extra());
    }
    text.append('}');
  }

  private void number(String name, long value) {
    text.append(",\"").append(name).append("\":").append(value);
  }

  private void string(String name, String value) {
    text.append(",\"").append(name).append("\":\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        text.append('\\').append(c);
      } else if (c < 0x20) {
        text.append(String.format("\\u%04x", (int) c));
      } else {
        text.append(c);
      }
    }
    text.append('"');
  }

  private static StringBuilder twoDigits(StringBuilder out, int value) {
    return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }
}
