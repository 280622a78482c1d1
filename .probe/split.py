import re
src=open('core/ingredients/ingredients.ts').read().split('\n')
decl=re.compile(r'^(export )?(const|function|type|let) ([A-Za-z_]\w*)')
starts=[]
for i,l in enumerate(src):
    m=decl.match(l)
    if m: starts.append((i,m.group(3)))
blocks={}
order=[]
def comment_start(i):
    j=i
    while j>0 and (src[j-1].startswith('/**') or src[j-1].startswith(' *') or src[j-1].startswith('//')):
        j-=1
    return j
bounds=[(comment_start(i),i,n) for i,n in starts]
for k,(cs,i,n) in enumerate(bounds):
    end = bounds[k+1][0] if k+1<len(bounds) else len(src)
    text=src[cs:end]
    while text and (text[-1].strip()=='' or text[-1].startswith('/* ---')): text.pop()
    blocks[n]='\n'.join(text); order.append(n)
M={
 'core/ingredients/units.ts':['withAlternates','EXTRA_UOMS','PARSE_OPTIONS','UNIT_WORDS','RISKY_UNIT_WORDS','FREE_UNIT_WORDS','escapeRegExp','UNIT_ALTERNATION','NUM','QUANTITY_TOKEN','GLUED_MEASURE_TOKEN','ARTICLE_BEFORE_UNIT'],
 'core/ingredients/words.ts':['QUANTIFIERS','DESCRIPTORS','DESCRIPTOR_PARTS','TRAILING_PHRASES','DANGLING_WORDS','LEAFY_HERBS','INVARIANT_WORDS','SINGULAR_OVERRIDES'],
 'core/search/staples.ts':['PANTRY_STAPLES','isPantryStaple'],
 'core/ingredients/parse-line.ts':['ParsedIngredient','PARSER_HEAD_WORDS','PARSER_MAX_WORD','MAX_PARSE_INPUT_CHARS','parseIngredientLine','finiteOrNull','tidyDescription','ingredientNameOf'],
 'core/ingredients/query.ts':['MAX_QUERY_INPUT_CHARS','DEFAULT_MAX_TERMS','parseIngredientQuery'],
 'core/ingredients/normalise.ts':['MAX_NAME_CHARS','MAX_NAME_INPUT_CHARS','cleanText','removeParentheticals','normalizeIngredientName','JUICE_PREFIXES','rewriteJuiceAndZest'],
}
assigned={n for v in M.values() for n in v}
M['core/ingredients/tokens.ts']=[n for n in order if n not in assigned]
print('tokens:',M['core/ingredients/tokens.ts'])
owner={n:f for f,ns in M.items() for n in ns}
assert set(owner)==set(order), set(order)-set(owner)
ext={'parseIngredient':'parse-ingredient','unitsOfMeasure':'parse-ingredient','pluralize':'pluralize'}
for f,names in M.items():
    body='\n\n'.join(blocks[n] if blocks[n].split('\n')[[i for i,l in enumerate(blocks[n].split('\n')) if decl.match(l)][0]].startswith('export') else blocks[n] for n in sorted(names,key=order.index))
    # export everything used elsewhere
    used_elsewhere=set()
    for n in names:
        for g,ns in M.items():
            if g==f: continue
            gb='\n'.join(blocks[x] for x in ns)
            if re.search(r'\b'+n+r'\b',gb): used_elsewhere.add(n)
    lines=body.split('\n')
    for i,l in enumerate(lines):
        m=decl.match(l)
        if m and m.group(3) in used_elsewhere and not m.group(1): lines[i]='export '+l
    body='\n'.join(lines)
    imports={}
    for n,o in owner.items():
        if o==f: continue
        if re.search(r'\b'+n+r'\b',body): imports.setdefault(o,[]).append(n)
    head=[]
    if re.search(r'\bparseIngredient\(|\bunitsOfMeasure\b',body):
        ns=[x for x in ['parseIngredient','unitsOfMeasure'] if re.search(r'\b'+x+r'\b',body)]
        head.append('import { '+', '.join(ns)+' } from "parse-ingredient";')
    ts=[x for x in ['ParseIngredientOptions','UnitOfMeasure','UnitOfMeasureDefinitions'] if re.search(r'\b'+x+r'\b',body)]
    if ts: head.append('import type { '+', '.join(ts)+' } from "parse-ingredient";')
    if re.search(r'\bpluralize\b',body): head.append('import pluralize from "pluralize";')
    if f=='core/ingredients/parse-line.ts': head.append('import type { RecipeIngredient } from "@/infra/db/schema";')
    import os
    for o,ns in sorted(imports.items()):
        rel=os.path.relpath(o[:-3],os.path.dirname(f))
        if not rel.startswith('.'): rel='./'+rel
        if os.path.dirname(o)!=os.path.dirname(f): rel='@/'+o[:-3]
        head.append('import { '+', '.join(sorted(ns,key=str.lower))+' } from "'+rel+'";')
    open(f,'w').write('\n'.join(head)+'\n\n'+body+'\n')
    print(f, len(('\n'.join(head)+'\n\n'+body).split('\n')))
