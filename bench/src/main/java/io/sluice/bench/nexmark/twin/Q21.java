package io.sluice.bench.nexmark.twin;

import io.sluice.bench.nexmark.Bid;
import io.sluice.bench.nexmark.NexmarkEvent;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;

/**
 * q21 by hand: the bids from one of the four named channels or with a {@code channel_id} in their
 * URL, with the channel's id. The URL is matched with the SQL's own regular expression.
 */
public final class Q21 extends Twin {

  private static final Pattern CHANNEL_ID = Pattern.compile("(&|^)channel_id=([^&]*)");

  @Override
  public String name() {
    return "q21";
  }

  @Override
  protected int[] eventTypes() {
    return new int[] {2};
  }

  @Override
  protected void build(StreamsBuilder builder, KStream<byte[], NexmarkEvent> events, String outputTopic,
      int partitions) {
    writeKeyedByAuction(events, (event, json) -> {
      Bid bid = (Bid) event;
      String id = channelId(bid.channel(), bid.url());
      return id == null ? null
          : json.start().number("BIDDER", bid.bidder())
              .number("PRICE", bid.price()).string("CHANNEL", bid.channel()).string("CHANNEL_ID", id).end();
    }, outputTopic);
  }

  /** The channel's id, or null when the bid is not kept. */
  static String channelId(String channel, String url) {
    String named = switch (channel == null ? "" : channel.toLowerCase(Locale.ROOT)) {
      case "apple" -> "0";
      case "google" -> "1";
      case "facebook" -> "2";
      case "baidu" -> "3";
      default -> null;
    };
    if (named != null) {
      return named;
    }
    if (url == null) {
      return null;
    }
    Matcher m = CHANNEL_ID.matcher(url);
    return m.find() ? m.group(2) : null;
  }
}
