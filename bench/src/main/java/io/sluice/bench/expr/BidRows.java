package io.sluice.bench.expr;

import io.sluice.plan.Column;
import io.sluice.plan.DataType;
import io.sluice.plan.RowSchema;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Nexmark-style auction bids: the row schema the benchmark queries read, and a seeded generator of
 * rows with realistic values, including the occasional null the queries must handle.
 */
public final class BidRows {

  public static final int AUCTION = 0;
  public static final int BIDDER = 1;
  public static final int PRICE = 2;
  public static final int CHANNEL = 3;
  public static final int URL = 4;
  public static final int TS = 5;

  /** AUCTION, BIDDER, PRICE (in cents), CHANNEL, URL, TS: the columns of Nexmark's bid stream. */
  public static final RowSchema SCHEMA = RowSchema.of(
      Column.value("AUCTION", DataType.BIGINT),
      Column.value("BIDDER", DataType.BIGINT),
      Column.value("PRICE", DataType.BIGINT),
      Column.value("CHANNEL", DataType.STRING),
      Column.value("URL", DataType.STRING),
      Column.value("TS", DataType.TIMESTAMP));

  private static final String[] CHANNELS = {"apple", "app-ios", "app-android", "google", "facebook", "baidu", "bing"};
  private static final long FIRST_AUCTION = 1_000L;
  private static final long START_MILLIS = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();

  private BidRows() {}

  /**
   * {@code count} bids drawn from {@code seed}: prices spread log-uniformly from 1 cent to $10,000,
   * about 5% of bidders null (anonymous), 2% of channels and of URLs null, timestamps ascending.
   */
  public static Object[][] generate(int count, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Object[][] rows = new Object[count][];
    long millis = START_MILLIS;
    for (int i = 0; i < count; i++) {
      millis += random.nextInt(50);
      String channel = CHANNELS[random.nextInt(CHANNELS.length)];
      rows[i] = new Object[] {
        FIRST_AUCTION + random.nextInt(5_000),
        random.nextInt(100) < 5 ? null : (Long) (random.nextLong(1_000_000L) + 1),
        (long) Math.exp(random.nextDouble() * Math.log(1_000_000.0)),
        random.nextInt(100) < 2 ? null : channel,
        random.nextInt(100) < 2 ? null : url(random, channel),
        Instant.ofEpochMilli(millis)
      };
    }
    return rows;
  }

  private static String url(SplittableRandom random, String channel) {
    StringBuilder path = new StringBuilder("https://www.nexmark.com/").append(channel).append('/');
    for (int i = 0; i < 6; i++) {
      path.append((char) ('a' + random.nextInt(26)));
    }
    return path.append("/item.htm?query=").append(random.nextInt(1_000)).toString();
  }
}
