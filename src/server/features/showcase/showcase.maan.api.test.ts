import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, makeTestApp, type TestApp } from '../../../../test/support/app';

/** The Ma'an demo's 成果展示: every kind but video published, a draft waiting for consent, one withdrawn. */
let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await makeTestApp({ seed: 'maan' });
  admin = await t.login('admin');
});
afterAll(async () => t?.close());

const anon = (url: string) => t.app.inject({ method: 'GET', url });

describe('the Ma’an demo showcase', () => {
  it('shows brands, featured activities with their summaries, a gallery, the culture wall and a leaflet on the portal', async () => {
    const pub = (await anon('/api/public/showcase?pageSize=100')).json();
    const kinds = new Set(pub.items.map((i: { kind: string }) => i.kind));
    expect([...kinds].sort()).toEqual(['brand', 'featured', 'gallery', 'leaflet', 'wall']);
    const featured = pub.items.find((i: { kind: string }) => i.kind === 'featured');
    expect(featured.activity.summary).toBeTruthy();
    const gallery = pub.items.find((i: { kind: string }) => i.kind === 'gallery');
    expect(gallery.people).toContain('孙*华');
    expect(gallery.media.length).toBeGreaterThan(1);
    const image = await anon(`/api/public/showcase/files/${gallery.media[0].fileId}`);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');

    const leaflet = pub.items.find((i: { kind: string }) => i.kind === 'leaflet');
    const pdf = await anon(`/api/public/showcase/files/${leaflet.media[0].fileId}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('keeps the draft without a consent record off the portal; publishing it is refused until consent is recorded', async () => {
    const drafts = (await admin.get('/api/showcase?status=draft')).json();
    expect(drafts.items).toHaveLength(1);
    const draft = drafts.items[0];
    expect((await admin.post(`/api/showcase/${draft.id}/publication`)).json().code).toBe('showcase.consent_missing');
    expect((await anon(`/api/public/showcase/files/${draft.media[0].fileId}`)).statusCode).toBe(404);
    const withdrawn = (await admin.get('/api/showcase?status=withdrawn')).json();
    expect(withdrawn.items[0].withdrawal.reason).toContain('村规民约');
  });
});
