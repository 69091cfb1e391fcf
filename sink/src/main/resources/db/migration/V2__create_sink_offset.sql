-- Where the sink resumes reading each partition. Written in the same transaction as the rows that
-- the records before that offset produced, so the rows and the position never disagree.
CREATE TABLE sink_offset (
    consumer_group text        NOT NULL,
    topic          text        NOT NULL,
    partition      integer     NOT NULL,
    next_offset    bigint      NOT NULL,
    stored_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT sink_offset_pkey PRIMARY KEY (consumer_group, topic, partition),
    CONSTRAINT sink_offset_not_negative CHECK (next_offset >= 0)
);

COMMENT ON TABLE sink_offset IS
    'Vị trí đọc tiếp theo của bộ ghi trên từng phân vùng Kafka. / Next offset the sink reads on each Kafka partition.';
COMMENT ON COLUMN sink_offset.next_offset IS
    'Offset của bản ghi đầu tiên chưa được ghi vào cơ sở dữ liệu. / Offset of the first record not yet in the database.';
COMMENT ON COLUMN sink_offset.stored_at IS 'Thời điểm ghi vị trí. / When the offset was stored.';
