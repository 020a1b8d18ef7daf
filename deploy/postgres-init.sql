-- Run once by the postgres image on an empty volume: the tracker store's database
-- (the ticket database, ys_tickets, is POSTGRES_DB). Rasa creates its `events` table.
CREATE DATABASE rasa OWNER yingshang;
