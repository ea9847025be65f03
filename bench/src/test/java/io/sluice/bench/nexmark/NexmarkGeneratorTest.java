package io.sluice.bench.nexmark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NexmarkGeneratorTest {

  private static final long START = NexmarkGenerator.START.toEpochMilli();

  @Test
  void theSameSeedAndCountGiveByteIdenticalRecordsInBothLayouts() {
    for (NexmarkLayout layout : NexmarkLayout.values()) {
      assertArrayEquals(records(7, 5_000, layout), records(7, 5_000, layout), layout.flagName());
    }
  }

  @Test
  void aDifferentSeedGivesDifferentRecords() {
    NexmarkGenerator first = new NexmarkGenerator(7, NexmarkGenerator.DEFAULT_EVENTS_PER_SECOND);
    NexmarkGenerator second = new NexmarkGenerator(8, NexmarkGenerator.DEFAULT_EVENTS_PER_SECOND);
    NexmarkJson json = new NexmarkJson();
    int differing = 0;
    for (long n = 0; n < 5_000; n++) {
      byte[] a = json.write(first.event(n), NexmarkLayout.NESTED);
      byte[] b = json.write(second.event(n), NexmarkLayout.NESTED);
      if (!Arrays.equals(a, b)) {
        differing++;
      }
    }
    assertTrue(differing > 4_900, "only " + differing + " of 5000 events differ between seeds 7 and 8");
  }

  @Test
  void anEventDoesNotDependOnTheEventsGeneratedBeforeIt() {
    NexmarkGenerator generator = new NexmarkGenerator(3, NexmarkGenerator.DEFAULT_EVENTS_PER_SECOND);
    NexmarkEvent direct = generator.event(123_456);
    for (long n = 0; n < 1_000; n++) {
      generator.event(n);
    }
    assertEquals(direct, generator.event(123_456));
  }

  @Test
  void everyBlockOfFiftyEventsHoldsOnePersonThreeAuctionsAndFortySixBids() {
    NexmarkGenerator generator = new NexmarkGenerator(1, NexmarkGenerator.DEFAULT_EVENTS_PER_SECOND);
    int[] total = new int[3];
    for (long block = 0; block < 100; block++) {
      int[] counts = new int[3];
      for (long n = block * 50; n < block * 50 + 50; n++) {
        counts[generator.event(n).eventType()]++;
      }
      assertArrayEquals(new int[] {1, 3, 46}, counts, "block " + block);
      for (int type = 0; type < 3; type++) {
        total[type] += counts[type];
      }
    }
    assertArrayEquals(new int[] {100, 300, 4_600}, total);
  }

  @Test
  void idsAreConsecutiveAndReferOnlyToExistingActivePeopleAndInFlightAuctions() {
    NexmarkGenerator generator = new NexmarkGenerator(11, NexmarkGenerator.DEFAULT_EVENTS_PER_SECOND);
    long nextPerson = 1000;
    long nextAuction = 1000;
    Set<Long> people = new HashSet<>();
    Set<Long> auctions = new HashSet<>();
    for (long n = 0; n < 60_000; n++) {
      NexmarkEvent event = generator.event(n);
      if (event instanceof Person person) {
        assertEquals(nextPerson++, person.id(), "event " + n);
        people.add(person.id());
      } else if (event instanceof Auction auction) {
        assertEquals(nextAuction++, auction.id(), "event " + n);
        assertTrue(people.contains(auction.seller()), "event " + n + ": unknown seller " + auction.seller());
        assertTrue(auction.seller() > nextPerson - 1 - 1_000, "event " + n + ": seller not among the active people");
        auctions.add(auction.id());
      } else {
        Bid bid = (Bid) event;
        assertTrue(people.contains(bid.bidder()), "event " + n + ": unknown bidder " + bid.bidder());
        assertTrue(bid.bidder() > nextPerson - 1 - 1_000, "event " + n + ": bidder not among the active people");
        assertTrue(auctions.contains(bid.auction()), "event " + n + ": unknown auction " + bid.auction());
        assertTrue(bid.auction() > nextAuction - 1 - 100, "event " + n + ": auction not among the in-flight ones");
      }
    }
    assertEquals(1_200, people.size());
    assertEquals(3_600, auctions.size());
  }

  @Test
  void hotAuctionsSellersAndBiddersGetTheirShare() {
    NexmarkGenerator generator = new NexmarkGenerator(5, NexmarkGenerator.DEFAULT_EVENTS_PER_SECOND);
    int bids = 0;
    int hotAuctionBids = 0;
    int auctions = 0;
    int hotSellers = 0;
    for (long n = 0; n < 50_000; n++) {
      NexmarkEvent event = generator.event(n);
      if (event instanceof Auction auction) {
        auctions++;
        // The hot seller is the newest person whose index is a multiple of 100.
        long newest = EventIds.lastPersonId(n) - 1000;
        hotSellers += auction.seller() - 1000 == newest / 100 * 100 ? 1 : 0;
      } else if (event instanceof Bid bid) {
        bids++;
        long newest = EventIds.lastAuctionId(n) - 1000;
        hotAuctionBids += bid.auction() - 1000 == newest / 100 * 100 ? 1 : 0;
      }
    }
    double hotAuctionShare = (double) hotAuctionBids / bids;
    double hotSellerShare = (double) hotSellers / auctions;
    assertTrue(hotAuctionShare > 0.49 && hotAuctionShare < 0.56, "hot auction share " + hotAuctionShare);
    assertTrue(hotSellerShare > 0.72 && hotSellerShare < 0.80, "hot seller share " + hotSellerShare);
  }

  @Test
  void eventTimeAdvancesExactlyAtTheConfiguredRate() {
    for (long rate : new long[] {1, 3, 1_000, 10_000, 10_000_000}) {
      NexmarkGenerator generator = new NexmarkGenerator(1, rate);
      long previous = Long.MIN_VALUE;
      for (long n = 0; n < 3_000; n++) {
        long time = generator.event(n).dateTime();
        assertEquals(START + n * 1000 / rate, time, "rate " + rate + ", event " + n);
        assertTrue(time >= previous);
        previous = time;
      }
      assertEquals(START + 1000, generator.eventTime(rate), "rate " + rate + ": one second after `rate` events");
    }
    NexmarkGenerator byDefault = new NexmarkGenerator(1, NexmarkGenerator.DEFAULT_EVENTS_PER_SECOND);
    assertEquals(START + 100_000 - 1, byDefault.eventTime(999_999), "1M events span 100 s at the default rate");
  }

  @Test
  void auctionsExpireAfterTheyOpenWithinTwiceTheInFlightHorizon() {
    NexmarkGenerator generator = new NexmarkGenerator(9, NexmarkGenerator.DEFAULT_EVENTS_PER_SECOND);
    // 100 auctions take 100 * 50 / 3 = 1,666 events, 166 ms at 10,000 events/s.
    for (long n = 1; n < 20_000; n += 50) {
      Auction auction = (Auction) generator.event(n);
      assertTrue(auction.expires() > auction.dateTime(), "event " + n);
      assertTrue(auction.expires() <= auction.dateTime() + 2 * 166, "event " + n);
    }
  }

  @Test
  void recordsAverageTheModelsEventSizes() {
    NexmarkGenerator generator = new NexmarkGenerator(2, NexmarkGenerator.DEFAULT_EVENTS_PER_SECOND);
    NexmarkJson json = new NexmarkJson();
    long[] bytes = new long[3];
    long[] counts = new long[3];
    for (long n = 0; n < 10_000; n++) {
      NexmarkEvent event = generator.event(n);
      bytes[event.eventType()] += json.write(event, NexmarkLayout.FLAT).length;
      counts[event.eventType()]++;
    }
    long[] model = {NexmarkGenerator.PERSON_SIZE, NexmarkGenerator.AUCTION_SIZE, NexmarkGenerator.BID_SIZE};
    for (int type = 0; type < 3; type++) {
      double average = (double) bytes[type] / counts[type];
      // The model's sizes count field contents; the JSON adds the names, quotes and punctuation.
      assertTrue(average > model[type] && average < model[type] + 250, "type " + type + ": " + average + " bytes");
    }
  }

  @Test
  void aRateBelowOneOrANegativeEventNumberIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new NexmarkGenerator(1, 0));
    assertThrows(IllegalArgumentException.class, () -> new NexmarkGenerator(1, -5));
    assertThrows(IllegalArgumentException.class, () -> new NexmarkGenerator(1, 10).event(-1));
  }

  private static byte[] records(long seed, int count, NexmarkLayout layout) {
    NexmarkGenerator generator = new NexmarkGenerator(seed, NexmarkGenerator.DEFAULT_EVENTS_PER_SECOND);
    NexmarkJson json = new NexmarkJson();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (long n = 0; n < count; n++) {
      out.writeBytes(json.write(generator.event(n), layout));
      out.write('\n');
    }
    return out.toByteArray();
  }
}
