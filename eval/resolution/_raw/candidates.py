#!/usr/bin/env python3
"""List candidate record pairs: same record type, compatible codes (a country code accepts its regions),
with dates marked datecompat/dateclash. Usage: python3 candidates.py [extra gold.json ...]
(with no argument it adds ../gold.json of this set; pass 'none' for the shared sets only)."""
import json,itertools,os,sys
base=os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)),'..','..','..','..','shared','eval'))+'/'
sets=[('seeds',base+'seeds.gold.json'),('dev',base+'dev/gold.json'),('real-north',base+'real-north/gold.json'),('real-south',base+'real-south/gold.json')]
extra=sys.argv[1:] or [os.path.join(os.path.dirname(os.path.abspath(__file__)),'..','gold.json')]
if extra==['none']: extra=[]
for e in extra: sets.append(('resolution',e))
recs=[]
for s,f in sets:
    for ent in json.load(open(f)):
        for i,a in enumerate(ent['agreements']):
            recs.append(dict(set=s,file=ent['file'],rt='agreement',i=i,key=frozenset(a['parties']),date=a['date'],r=a))
        for i,v in enumerate(ent['visits']):
            recs.append(dict(set=s,file=ent['file'],rt='visit',i=i,key=(v['guest'],v['host']),date=v['start'],r=v))
def parts(d):
    if not d: return None
    return d.split('-')
def compat(d1,d2):
    p,q=parts(d1),parts(d2)
    if p is None or q is None: return True
    for x,y in zip(p,q):
        if 'XXXX' in (x,y): continue
        if x!=y: return False
    return True
def codematch(k1,k2):
    # exact, or country code accepting regions
    def m(a,b): return a==b or (len(a)==2 and b.startswith(a+'-')) or (len(b)==2 and a.startswith(b+'-'))
    if isinstance(k1,tuple): return m(k1[0],k2[0]) and m(k1[1],k2[1])
    if len(k1)!=len(k2): return False
    return all(any(m(a,b) for b in k2) for a in k1)
n=0
for a,b in itertools.combinations(recs,2):
    if a['rt']!=b['rt']: continue
    if not codematch(a['key'],b['key']): continue
    same_file = (a['set'],a['file'])==(b['set'],b['file'])
    dc=compat(a['date'],b['date'])
    n+=1
    print(f"{'SAMEFILE ' if same_file else ''}{'datecompat' if dc else 'dateclash'}\t{a['set']}/{a['file']} {a['rt']} {a['i']} {a['r'].get('status')} {a['date']}\t{b['set']}/{b['file']} {b['rt']} {b['i']} {b['r'].get('status')} {b['date']}\t{sorted(a['key']) if a['rt']=='agreement' else a['key']}")
print(n,'party-matching pairs',file=sys.stderr)
