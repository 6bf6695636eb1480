import { loadKnowledge } from '../../src/knowledge/content';
import { createKnowledgeSearch } from '../../src/knowledge/search';
import { expandSynonyms } from '../../src/knowledge/synonyms';
import { significantTerms, stem } from '../../src/knowledge/text-analysis';

const search = createKnowledgeSearch(loadKnowledge());
const top = (q: string): string | undefined => search.search(q, 1)[0]?.id;

describe('synonyms and terms', () => {
  it('gives variants of a name the same canonical token', () => {
    expect(expandSynonyms('use AAD groups')).toContain('entra');
    expect(expandSynonyms('Microsoft Entra ID sign-in')).toContain('entra');
    expect(expandSynonyms('KV firewall')).toContain('keyvault');
    expect(expandSynonyms('a PE for the ACR')).toEqual(expect.stringContaining('privateendpoint'));
    expect(expandSynonyms('virtual-network rules')).toContain('vnet');
    expect(expandSynonyms('peer review')).not.toContain('privateendpoint');
  });

  it('stems consistently', () => {
    expect(stem('creating')).toBe(stem('create'));
    expect(stem('created')).toBe(stem('creates'));
    expect(stem('policies')).toBe(stem('policy'));
    expect(significantTerms('What is the')).toEqual([]);
  });
});

describe('knowledge search', () => {
  it('finds answers by synonyms, abbreviations and typos', () => {
    expect(top('inbound and outbound ports')).toBe('WVN-01');
    expect(top('which prots are needed inbund')).toBe('WVN-01');
    expect(top('MFA for users')).toBe('IM-01');
    expect(top('multi-factor authentication')).toBe('IM-01');
    expect(top('service endpoint or PE for storage')).toBe('WVN-02');
    expect(top('geo replication of key vault and container registry')).toBe('BR-01');
  });

  it('prefers a topic for definitional questions', () => {
    expect(top('what is a private endpoint')).toBe('private-endpoint');
    expect(top('what is a managed identity')).toBe('managed-identity');
  });

  it('reports coverage and domain vocabulary', () => {
    const [hit] = search.search('dns spoofing protection');
    expect(hit?.id).toBe('NS-04');
    expect(hit?.coverage).toBeGreaterThan(0.5);
    expect(search.domainTerms('order pizza for the team')).toEqual([]);
    expect(search.domainTerms('vnet for the compute')).toContain('vnet');
  });
});
