# Run from this folder: python3 hand-run.py (CPython 3.8+). Its output is pinned in exact-mode.test.ts.
# A hand-run of WebShop's load_products + get_synthetic_goals (AgentGym: seed 233 inside) + seed(233) shuffle.
import json, random, re, itertools
from decimal import Decimal
items = json.load(open('synthetic-items.json')); attrs = json.load(open('synthetic-attributes.json'))
prods=[]; seen=set()
for p in items[:1000]:
    a=p['asin']
    if a=='nan' or len(a)>10 or a in seen: continue
    seen.add(a)
    pr=p.get('pricing')
    if not pr: pricing=[100.0]
    else:
        pricing=[float(Decimal(re.sub(r'[^\d.]','',x))) for x in pr.split('$')[1:]]
    price = pricing[0]  # our deterministic rule: a range costs its low end
    opts={}
    for k,v in (p['customization_options'] or {}).items():
        if v is None: continue
        opts[k.lower()]=[c['value'].strip().replace('/',' | ').lower() for c in v]
    prods.append(dict(asin=a, price=price, options=opts, ins=attrs.get(a,{}).get('instruction')))
random.seed(233)
goals=[]
PR=[10.0*i for i in range(1,100)]
for p in prods:
    if p['ins'] is None: continue
    rng=[x for x in PR if x>p['price']][:4]
    if len(rng)>=2:
        _,up=sorted(random.sample(rng,2)); pt=f', and price lower than {up:.2f} dollars'
    else: pt=''
    names=sorted(p['options'])
    for combo in itertools.product(*(p['options'][n] for n in names)):
        ot=', and '.join(f'{n}: {v}' for n,v in zip(names,combo))
        goals.append(p['ins']+(' with '+ot if ot else '')+pt)
random.seed(233); random.shuffle(goals)
print(json.dumps(goals, indent=1))
