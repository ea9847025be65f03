-- q20, expand bid with auction: every bid on a category-10 auction with that auction's fields;
-- an unbounded inner join of bids and auctions on auction = id.
CREATE STREAM nexmark_q20 WITH (KAFKA_TOPIC='${OUTPUT}') AS
SELECT auction, bidder, price, channel, url, B.`dateTime`, B.extra,
  itemName, description, initialBid, reserve, A.`dateTime`, expires, seller, category, A.extra
FROM bid AS B INNER JOIN auction AS A ON B.auction = A.id
WHERE A.category = 10;
