package io.sluice.bench.nexmark;

import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Generates the Nexmark auction site's events, following the public Nexmark model: people, auctions
 * and bids in the proportion 1:3:46; bids and new auctions refer to the 1,000 most recent people
 * and the 100 most recent (in-flight) auctions, with hot sellers, bidders and auctions.
 *
 * <p>Event n is a pure function of the seed, the rate and n: its type and ids come from n alone
 * ({@link EventIds}), its random fields from a random source seeded with the seed and n. So the
 * same seed and count always give the same events, and any event can be made without the others.
 *
 * <p>Event time starts at {@link #START} and advances {@code eventsPerSecond} events per second:
 * event n happens at {@code START + floor(n * 1000 / eventsPerSecond)} milliseconds. The model's
 * default is {@value #DEFAULT_EVENTS_PER_SECOND} events per second, an inter-event delay of 100 µs.
 *
 * <p>Unlike the reference generators, which let a bid or an auction name a person or an auction up
 * to ten ids ahead of the newest one, every id here refers to a person or auction created by an
 * earlier (or the same) event, so a join always finds its partner in the data.
 */
public final class NexmarkGenerator {

  /** The model's fixed base time. */
  public static final Instant START = Instant.parse("2015-07-15T00:00:00Z");
  public static final long DEFAULT_EVENTS_PER_SECOND = 10_000;

  static final int ACTIVE_PEOPLE = 1_000;
  static final int IN_FLIGHT_AUCTIONS = 100;
  /** A bid's auction, an auction's seller and a bid's bidder are the hot one with odds (ratio - 1) / ratio... */
  static final int HOT_AUCTION_RATIO = 2;
  static final int HOT_SELLER_RATIO = 4;
  static final int HOT_BIDDER_RATIO = 4;
  /** ...and the hot ones are the newest person or auction whose index is a multiple of this. */
  static final int HOT_SPACING = 100;
  static final long FIRST_CATEGORY = 10;
  static final int CATEGORIES = 5;
  static final int HOT_CHANNEL_RATIO = 2;
  static final String[] HOT_CHANNELS = {"Google", "Facebook", "Baidu", "Apple"};
  static final int CHANNELS = 10_000;
  /** The model's average event sizes, in bytes of field content, reached by padding with {@code extra}. */
  static final int PERSON_SIZE = 200;
  static final int AUCTION_SIZE = 500;
  static final int BID_SIZE = 100;

  private final long seed;
  private final long eventsPerSecond;
  private final long startMillis;
  private final long auctionHorizonMillis;

  public NexmarkGenerator(long seed, long eventsPerSecond) {
    if (eventsPerSecond <= 0) {
      throw new IllegalArgumentException("the event rate must be positive");
    }
    this.seed = seed;
    this.eventsPerSecond = eventsPerSecond;
    this.startMillis = START.toEpochMilli();
    // An auction lasts, on average, as long as it takes to open IN_FLIGHT_AUCTIONS more: that keeps about that many open.
    long eventsPerHorizon = (long) IN_FLIGHT_AUCTIONS * EventIds.BLOCK / EventIds.AUCTIONS;
    this.auctionHorizonMillis = Math.max(1, eventsPerHorizon * 1000 / eventsPerSecond);
  }

  /** The event time of event n, milliseconds since the epoch. */
  public long eventTime(long n) {
    return startMillis + n * 1000 / eventsPerSecond;
  }

  /** Event n, counted from 0. */
  public NexmarkEvent event(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("event numbers start at 0");
    }
    SplittableRandom random = new SplittableRandom(mix(seed) ^ n * 0x9E3779B97F4A7C15L);
    long time = eventTime(n);
    return switch (EventIds.eventType(n)) {
      case 0 -> person(n, time, random);
      case 1 -> auction(n, time, random);
      default -> bid(n, time, random);
    };
  }

  private static Person person(long n, long time, SplittableRandom random) {
    String name = RandomText.personName(random);
    String email = RandomText.email(random);
    String card = RandomText.creditCard(random);
    String[] stateAndCity = RandomText.stateAndCity(random);
    int size = 8 + name.length() + email.length() + card.length() + stateAndCity[0].length()
        + stateAndCity[1].length() + 8;
    return new Person(EventIds.lastPersonId(n), name, email, card, stateAndCity[1], stateAndCity[0], time,
        RandomText.padding(random, size, PERSON_SIZE));
  }

  private Auction auction(long n, long time, SplittableRandom random) {
    long seller = random.nextInt(HOT_SELLER_RATIO) > 0 ? hot(EventIds.lastPersonId(n), EventIds.FIRST_PERSON_ID, 0)
        : recent(random, EventIds.lastPersonId(n), EventIds.FIRST_PERSON_ID, ACTIVE_PEOPLE);
    long category = FIRST_CATEGORY + random.nextInt(CATEGORIES);
    long initialBid = price(random);
    long reserve = initialBid + price(random);
    long expires = time + 1 + random.nextLong(2 * auctionHorizonMillis);
    String itemName = RandomText.words(random, 20);
    String description = RandomText.words(random, 100);
    int size = 8 + itemName.length() + description.length() + 8 * 6;
    return new Auction(EventIds.lastAuctionId(n), itemName, description, initialBid, reserve, time, expires, seller,
        category, RandomText.padding(random, size, AUCTION_SIZE));
  }

  private static Bid bid(long n, long time, SplittableRandom random) {
    long lastAuction = EventIds.lastAuctionId(n);
    long auction = random.nextInt(HOT_AUCTION_RATIO) > 0 ? hot(lastAuction, EventIds.FIRST_AUCTION_ID, 0)
        : recent(random, lastAuction, EventIds.FIRST_AUCTION_ID, IN_FLIGHT_AUCTIONS);
    long lastPerson = EventIds.lastPersonId(n);
    // A hot bidder is one after a hot seller, so that the hottest bidders and sellers differ.
    long bidder = random.nextInt(HOT_BIDDER_RATIO) > 0 ? hot(lastPerson, EventIds.FIRST_PERSON_ID, 1)
        : recent(random, lastPerson, EventIds.FIRST_PERSON_ID, ACTIVE_PEOPLE);
    long price = price(random);
    String channel;
    String url = "https://www.nexmark.com/" + RandomText.letters(random, 5) + "/" + RandomText.letters(random, 5)
        + "/" + RandomText.letters(random, 5) + "/item.htm?query=1";
    if (random.nextInt(HOT_CHANNEL_RATIO) > 0) {
      channel = HOT_CHANNELS[random.nextInt(HOT_CHANNELS.length)];
    } else {
      int number = random.nextInt(CHANNELS);
      channel = "channel-" + number;
      url = url + "&channel_id=" + number;
    }
    int size = 8 * 3 + channel.length() + url.length() + 8;
    return new Bid(auction, bidder, price, channel, url, time, RandomText.padding(random, size, BID_SIZE));
  }

  /** The hot id: the newest id whose index is a multiple of HOT_SPACING, plus {@code shift}, never past the newest. */
  private static long hot(long newest, long first, int shift) {
    long index = newest - first;
    return first + Math.min(index / HOT_SPACING * HOT_SPACING + shift, index);
  }

  /** One of the {@code window} newest ids, uniformly. */
  private static long recent(SplittableRandom random, long newest, long first, int window) {
    long existing = newest - first + 1;
    return newest - random.nextLong(Math.min(window, existing));
  }

  /** A price in cents, log-uniform from $1 to $1,000,000, as the model has it. */
  private static long price(SplittableRandom random) {
    return Math.round(Math.pow(10.0, random.nextDouble() * 6.0) * 100.0);
  }

  /** Spreads the seed's bits so that neighbouring seeds give unrelated events. */
  private static long mix(long value) {
    long z = value + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
