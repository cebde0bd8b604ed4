-- Trigram search over names, kana, phone and email (trusted extension: no superuser needed).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
