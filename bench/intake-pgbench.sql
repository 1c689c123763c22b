-- What Orderkeep writes for one accepted order (OrderIntake + OrderCreation + JdbcAuditTrail), as pgbench runs it:
-- one transaction that claims the idempotency key and inserts the order, its accepted hop, its first history entry
-- and the audit entry (locking the audit head last), then the autocommit that stores the response on the key.
\set r random(1, 9000000000000000000)
BEGIN;
INSERT INTO idempotency_keys (merchant_id, idem_key, request_hash, state, order_id, locked_until, created_at)
    VALUES ('m_bench', 'pgb-' || :client_id || '-' || :r, '9f2c1e7a5b3d4c6e8f0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e', 'IN_PROGRESS',
            'ord_' || :client_id || '_' || :r, 1764000000000, 1764000000000)
    ON CONFLICT (merchant_id, idem_key) DO NOTHING;
SELECT nextval('order_number_seq');
INSERT INTO orders (id, number, merchant_id, merchant_order_ref, status, currency, total_amount, refunded_amount, items,
        customer, shipping_address, metadata, payment_request, payment_provider, customer_email, customer_locale,
        needs_attention, attention_reason, created_at, updated_at, version)
    VALUES ('ord_' || :client_id || '_' || :r, '20261125-' || :r, 'm_bench', NULL, 'PENDING_PAYMENT', 'CNY', 2500, 0,
        '[{"sku":"TEA-01","name":"Oolong 100g","quantity":2,"unitAmount":1250,"amount":2500}]',
        '{"name":"Li Wei","email":"li.wei@example.com","phone":"+8613800138000","locale":"zh-CN"}',
        '{"country":"CN","city":"Hangzhou","line1":"1 West Lake Rd","postalCode":"310000"}',
        '{"channel":"bench"}', NULL, NULL, 'li.wei@example.com', 'zh-CN', false, NULL,
        1764000000000, 1764000000000, 1);
INSERT INTO order_hops (order_id, hop, state, due_at, returned_at, updated_at)
    VALUES ('ord_' || :client_id || '_' || :r, 'accepted', 'RETURNED', 1764000000000, 1764000000000, 1764000000000);
INSERT INTO order_history (order_id, seq, at, type, from_status, to_status, actor, source, reason, detail)
    VALUES ('ord_' || :client_id || '_' || :r, 1, 1764000000000, 'order.created', NULL, 'PENDING_PAYMENT', 'key:key_admin',
            'api', NULL, '{"number":"20261125-000001"}');
SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE;
INSERT INTO audit_entries (seq, at, actor, action, target_type, target_id, detail, prev_hash, hash)
    SELECT seq + 1, 1764000000000, 'key:key_admin', 'order.created', 'order', 'ord_' || :client_id || '_' || :r,
           '{"currency":"CNY","idempotencyKey":"k","merchantId":"m_bench","number":"20261125-000001","totalAmount":2500}',
           hash, md5(hash || :r) || md5(:r || hash)
    FROM audit_head WHERE id = 1;
UPDATE audit_head SET seq = seq + 1, hash = md5(hash || :r) || md5(:r || hash) WHERE id = 1;
COMMIT;
UPDATE idempotency_keys SET state = 'DONE', response_status = 201,
        response_body = '{"id":"ord_01KAXJ7M2V3W4X5Y6Z7A8B9C0D","number":"20261125-000001","merchantId":"m_bench","merchantOrderRef":null,"status":"PENDING_PAYMENT","currency":"CNY","totalAmount":2500,"refundedAmount":0,"items":[{"sku":"TEA-01","name":"Oolong 100g","quantity":2,"unitAmount":1250,"amount":2500}],"customer":{"name":"Li Wei","email":"li.wei@example.com","phone":"+8613800138000","locale":"zh-CN"},"shippingAddress":{"country":"CN","city":"Hangzhou","line1":"1 West Lake Rd","postalCode":"310000"},"metadata":{"channel":"bench"},"hops":[{"hop":"accepted","state":"RETURNED","dueAt":"2026-11-25T03:00:00Z","returnedAt":"2026-11-25T03:00:00Z"}],"unreturned":false,"needsAttention":false,"trackingUrl":"http://localhost:8080/track/ord_01KAXJ7M2V3W4X5Y6Z7A8B9C0D?t=abcdefabcdefabcdefabcdef","createdAt":"2026-11-25T03:00:00Z","updatedAt":"2026-11-25T03:00:00Z","version":1}'
    WHERE merchant_id = 'm_bench' AND idem_key = 'pgb-' || :client_id || '-' || :r;
