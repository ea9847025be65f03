package io.sluice.bench.nexmark;

/**
 * The arithmetic of the Nexmark model that derives everything but the random fields from the event
 * number: which type event n is, and how many people and auctions exist by then.
 *
 * <p>Events come in blocks of {@value #BLOCK}: the first is a person, the next {@value #AUCTIONS}
 * are auctions, the other {@value #BIDS} are bids (the model's 1:3:46 proportion). Ids are
 * counted from the model's first ids, {@value #FIRST_PERSON_ID} and {@value #FIRST_AUCTION_ID},
 * in the order the people and auctions are created, so every id is a pure function of n.
 */
final class EventIds {

  static final int PEOPLE = 1;
  static final int AUCTIONS = 3;
  static final int BIDS = 46;
  static final int BLOCK = PEOPLE + AUCTIONS + BIDS;
  static final long FIRST_PERSON_ID = 1000;
  static final long FIRST_AUCTION_ID = 1000;

  private EventIds() {}

  /** 0 person, 1 auction, 2 bid, as {@link NexmarkEvent#eventType()}. */
  static int eventType(long n) {
    long offset = n % BLOCK;
    if (offset < PEOPLE) {
      return 0;
    }
    return offset < PEOPLE + AUCTIONS ? 1 : 2;
  }

  /** How many people events 0 to n (inclusive) have created; never 0, as event 0 is a person. */
  static long peopleUpTo(long n) {
    return n / BLOCK * PEOPLE + Math.min(n % BLOCK + 1, PEOPLE);
  }

  /** How many auctions events 0 to n (inclusive) have created; 0 only for event 0. */
  static long auctionsUpTo(long n) {
    long offset = n % BLOCK;
    return n / BLOCK * AUCTIONS + Math.min(Math.max(offset + 1 - PEOPLE, 0), AUCTIONS);
  }

  /** The id of the newest person existing at event n (the person event n creates, if it is one). */
  static long lastPersonId(long n) {
    return FIRST_PERSON_ID + peopleUpTo(n) - 1;
  }

  /** The id of the newest auction existing at event n, or {@code FIRST_AUCTION_ID - 1} before the first. */
  static long lastAuctionId(long n) {
    return FIRST_AUCTION_ID + auctionsUpTo(n) - 1;
  }
}
