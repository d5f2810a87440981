-- wrk script: signs in again and again with the bench account (scripts/bench.sh makes it),
-- so every request pays one Argon2id verification.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"email":"bench@example.kz","password":"correct horse battery staple"}'
