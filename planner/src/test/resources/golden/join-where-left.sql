-- A LEFT stream-table join with WHERE conditions on both sides: the stream's condition is tested
-- before the stream is repartitioned, the table's stays above the join, where a row without a match
-- has nulls for the table's columns.
CREATE STREAM ORDERS (ID BIGINT KEY, CUSTOMER_ID INT, AMOUNT INT) WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON', PARTITIONS=4);
CREATE TABLE CUSTOMERS (ID INT PRIMARY KEY, NAME STRING) WITH (KAFKA_TOPIC='customers', KEY_FORMAT='JSON', VALUE_FORMAT='JSON', PARTITIONS=2);
CREATE STREAM ENRICHED AS SELECT O.CUSTOMER_ID, O.ID AS ORDER_ID, AMOUNT, NAME FROM ORDERS O LEFT JOIN CUSTOMERS C ON O.CUSTOMER_ID = C.ID
  WHERE AMOUNT > 10 AND (NAME IS NULL OR NAME <> 'test');
