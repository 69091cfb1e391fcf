-- Stored in the transaction of the rows up to it, so the tables and the positions always agree.
INSERT INTO sink_offset (consumer_group, topic, partition, next_offset)
VALUES (:consumerGroup, :topic, :partition, :nextOffset)
ON CONFLICT (consumer_group, topic, partition) DO UPDATE
   SET next_offset = EXCLUDED.next_offset, stored_at = now()
