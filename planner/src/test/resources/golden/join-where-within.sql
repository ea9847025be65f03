-- A stream-stream join with a window keeps its WHERE conditions above it, even those on one side:
-- the window's late records are judged by the stream time of the records the join reads.
CREATE STREAM BIDS (ID BIGINT KEY, AUCTION BIGINT, PRICE INT) WITH (KAFKA_TOPIC='bids', VALUE_FORMAT='JSON', PARTITIONS=2);
CREATE STREAM AUCTIONS (ID BIGINT KEY, SELLER STRING) WITH (KAFKA_TOPIC='auctions', VALUE_FORMAT='JSON', PARTITIONS=2);
CREATE STREAM J AS SELECT A.ID, PRICE, SELLER FROM BIDS B JOIN AUCTIONS A WITHIN 1 MINUTE ON B.AUCTION = A.ID WHERE PRICE > 10;
