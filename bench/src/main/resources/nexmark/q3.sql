-- q3, local item suggestion: who sells in category 10 in Oregon, Idaho or California; every
-- (auction, seller) pair of an unbounded inner join of auctions and people on seller = id.
CREATE STREAM nexmark_q3 WITH (KAFKA_TOPIC='${OUTPUT}') AS
SELECT P.name, P.city, P.state, A.id
FROM auction AS A INNER JOIN person AS P ON A.seller = P.id
WHERE A.category = 10 AND (P.state = 'OR' OR P.state = 'ID' OR P.state = 'CA');
