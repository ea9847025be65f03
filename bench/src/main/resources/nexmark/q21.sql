-- q21, add channel id: the bids from a named channel or with a channel_id in their URL, with that
-- channel's id (0 to 3 for the named channels, else the URL's channel_id parameter).
CREATE STREAM nexmark_q21 WITH (KAFKA_TOPIC='${OUTPUT}') AS
SELECT auction, bidder, price, channel,
  CASE
    WHEN lower(channel) = 'apple' THEN '0'
    WHEN lower(channel) = 'google' THEN '1'
    WHEN lower(channel) = 'facebook' THEN '2'
    WHEN lower(channel) = 'baidu' THEN '3'
    ELSE REGEXP_EXTRACT('(&|^)channel_id=([^&]*)', url, 2)
  END AS channel_id
FROM bid
WHERE REGEXP_EXTRACT('(&|^)channel_id=([^&]*)', url, 2) IS NOT NULL
  OR lower(channel) IN ('apple', 'google', 'facebook', 'baidu');
