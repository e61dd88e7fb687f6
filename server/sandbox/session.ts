import { Hono } from 'hono';
import { ApiError } from '#api/api-error';
import { isRole, type Role } from '#api/permissions';
import { DEMO_CREDIT_CODES, DEMO_USERS, resetDemoData } from '../db/seed';
import { DECLINED_TEST_CARD } from '#api/credit-card';
import { authenticate } from './auth';
import type { AppEnv, SandboxContext } from './context';

export interface SessionResponse {
  user: { id: string; email: string; name: string };
  memberships: Array<{ organization_id: string; organization_name: string; role: Role }>;
}

/** Sandbox-only helpers for the console: who am I, the demo sign-ins, the outbox, a reset for tests. */
export function sessionRoutes(ctx: SandboxContext, options: { resetEndpoint: boolean }) {
  const { db } = ctx;
  const memberships = db.prepare<[string], { organization_id: string; organization_name: string; role: string }>(
    `SELECT m.organization_id, o.name AS organization_name, m.role FROM memberships m
     JOIN organizations o ON o.id = m.organization_id WHERE m.user_id = ? ORDER BY o.name COLLATE NOCASE`,
  );
  const outbox = db.prepare<
    [string],
    { id: string; organization_id: string; to_address: string; subject: string; body: string; created_at: string; attachment_name: string | null; attachment_size: number | null }
  >(
    `SELECT x.id, x.organization_id, x.to_address, x.subject, x.body, x.created_at, x.attachment_name, length(x.attachment) AS attachment_size
     FROM outbox x JOIN memberships m ON m.organization_id = x.organization_id AND m.user_id = ? AND m.role IN ('admin', 'billing_manager')
     ORDER BY x.created_at DESC`,
  );
  const attachment = db.prepare<[string, string], { attachment_name: string; attachment_type: string; attachment: Buffer }>(
    `SELECT x.attachment_name, x.attachment_type, x.attachment FROM outbox x
     JOIN memberships m ON m.organization_id = x.organization_id AND m.user_id = ? AND m.role IN ('admin', 'billing_manager')
     WHERE x.id = ? AND x.attachment IS NOT NULL`,
  );

  const routes = new Hono<AppEnv>();

  const demoMemberships = db.prepare<[string], { organization_name: string; role: string }>(
    `SELECT o.name AS organization_name, m.role FROM memberships m JOIN organizations o ON o.id = m.organization_id
     JOIN users u ON u.id = m.user_id WHERE u.email = ? ORDER BY o.name COLLATE NOCASE`,
  );

  routes.get('/demo-users', (c) =>
    c.json({
      users: DEMO_USERS.map((user) => ({
        token: user.token,
        email: user.email,
        name: user.name,
        memberships: demoMemberships.all(user.email).filter((row) => isRole(row.role)),
      })),
      credit_codes: DEMO_CREDIT_CODES.map(({ code, description }) => ({ code, description })),
      declined_card: DECLINED_TEST_CARD,
    }),
  );

  const auth = authenticate(db, ctx.cache);

  routes.get('/session', auth, (c) => {
    const user = c.get('user');
    const body: SessionResponse = {
      user,
      memberships: memberships
        .all(user.id)
        .flatMap((row) => (isRole(row.role) ? [{ organization_id: row.organization_id, organization_name: row.organization_name, role: row.role }] : [])),
    };
    return c.json(body);
  });

  routes.get('/outbox', auth, (c) => {
    const mails = outbox.all(c.get('user').id).map((mail) => ({
      id: mail.id,
      organization_id: mail.organization_id,
      to: mail.to_address,
      subject: mail.subject,
      body: mail.body,
      created_at: mail.created_at,
      attachments: mail.attachment_name ? [{ filename: mail.attachment_name, size: mail.attachment_size ?? 0, url: `/sandbox/outbox/${mail.id}/attachment` }] : [],
    }));
    return c.json({ results: mails });
  });

  routes.get('/outbox/:mailId/attachment', auth, (c) => {
    const file = attachment.get(c.get('user').id, c.req.param('mailId'));
    if (!file) throw new ApiError(404, 'Attachment not found');
    return c.body(new Uint8Array(file.attachment), 200, {
      'Content-Type': file.attachment_type,
      'Content-Disposition': `attachment; filename="${file.attachment_name}"`,
      'Cache-Control': 'private, no-store',
    });
  });

  routes.post('/reset', async (c) => {
    if (!options.resetEndpoint) throw new ApiError(404, 'The reset endpoint is off: start the server with SANDBOX_RESET_ENDPOINT=1');
    // It needs no login, so it must not be a "simple" request: a cross-site form can POST
    // urlencoded, multipart or text/plain bodies, but JSON from another origin needs a CORS
    // preflight, which this server never grants.
    const mediaType = (c.req.header('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase();
    if (mediaType !== 'application/json') throw new ApiError(415, 'POST /sandbox/reset needs Content-Type: application/json');
    await ctx.mailer.idle();
    resetDemoData(db, { now: ctx.now() });
    ctx.limits.reset();
    return c.body(null, 204);
  });

  return routes;
}
