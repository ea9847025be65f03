-- q0, pass-through: every bid, all its fields; measures reading and writing alone.
CREATE STREAM nexmark_q0 WITH (KAFKA_TOPIC='${OUTPUT}') AS
SELECT auction, bidder, price, `dateTime`, extra FROM bid;
