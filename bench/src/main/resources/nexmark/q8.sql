-- q8, monitor new users: the people who opened an account and put an item up for auction in the
-- same 10 s tumbling window (event time): person id, name and the window's start.
-- DESCRIPTOR(ROWTIME): windows follow the source's event time, the record timestamp, which the
-- loader sets to each event's dateTime.
CREATE STREAM nexmark_q8 WITH (KAFKA_TOPIC='${OUTPUT}') AS
SELECT P.id, P.name, P.starttime
FROM (
  SELECT id, name, window_start AS starttime, window_end AS endtime
  FROM TABLE(TUMBLE(TABLE person, DESCRIPTOR(ROWTIME), INTERVAL '10' SECOND))
  GROUP BY id, name, window_start, window_end
) P
JOIN (
  SELECT seller, window_start AS starttime, window_end AS endtime
  FROM TABLE(TUMBLE(TABLE auction, DESCRIPTOR(ROWTIME), INTERVAL '10' SECOND))
  GROUP BY seller, window_start, window_end
) A
ON P.id = A.seller AND P.starttime = A.starttime AND P.endtime = A.endtime;
