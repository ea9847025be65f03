-- q1, currency conversion: every bid with its price converted from dollars to euros (0.908 * price).
CREATE STREAM nexmark_q1 WITH (KAFKA_TOPIC='${OUTPUT}') AS
SELECT auction, bidder, 0.908 * price AS price, `dateTime`, extra FROM bid;
