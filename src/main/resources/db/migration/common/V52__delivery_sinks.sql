-- How far each sink that streams the feed (the Kafka sink) has got: the last feed position it handed over.
CREATE TABLE delivery_sink_positions (
    sink      TEXT PRIMARY KEY,
    position  BIGINT NOT NULL
);
INSERT INTO delivery_sink_positions (sink, position) VALUES ('kafka', 0);
