-- Order numbers on PostgreSQL come from one sequence, so that concurrent intakes never queue on a counter row.
CREATE SEQUENCE order_number_seq;
