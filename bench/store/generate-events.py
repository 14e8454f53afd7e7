# Synthetic store of N merged events (each with one mention) for the query benchmark. Fixed seed.
import sqlite3, random, sys, datetime
db, n = sys.argv[1], int(sys.argv[2])
rnd = random.Random(42)
c = sqlite3.connect(db)
doc = c.execute("SELECT id FROM documents LIMIT 1").fetchone()[0]
countries = ["RUS","PRK","USA","CHN","UKR","IRN","ISR","PSE","SYR","TUR","IND","PAK","AFG","IRQ","SAU","YEM","EGY","LBY","SDN","ETH",
             "SOM","KEN","NGA","MLI","FRA","DEU","GBR","JPN","KOR","PHL","VNM","TWN","BRA","VEN","COL","MEX","CUB","HTI","PER","ARG"]
sectors = ["", "GOV", "MIL", "REB", "OPP", "BUS"]
cameos = [("010","01",1,0.0),("036","03",1,4.0),("042","04",1,1.9),("057","05",1,8.0),("061","06",2,6.4),("071","07",2,7.4),
          ("112","11",3,-2.0),("130","13",3,-4.4),("163","16",3,-4.0),("173","17",4,-5.0),("190","19",4,-10.0),("195","19",4,-10.0)]
start = datetime.date(2015,1,1).toordinal()
# Synthetic ids follow whatever the store already holds.
base = max(c.execute("SELECT coalesce(max(id),0) FROM event_clusters").fetchone()[0], c.execute("SELECT coalesce(max(id),0) FROM events").fetchone()[0])
c.execute("BEGIN")
rows_c, rows_e = [], []
for i in range(1, n+1):
    if rnd.random() < 0.01: s, t = "RUS", "PRK"
    else: s, t = rnd.choice(countries), rnd.choice(countries)
    ss, ts = rnd.choice(sectors), rnd.choice(sectors)
    cam, root, quad, g = rnd.choice(cameos)
    day = datetime.date.fromordinal(start + rnd.randrange(3650)).isoformat()
    m = 1 + int(rnd.expovariate(0.5))
    k = base + i
    rows_c.append((k, cam, cam[:3], root, quad, g, s+ss, s, s, t+ts, t, t, 1, "asserted", day, day, day, k, m, m, m, "20260101000000"))
    rows_e.append((k, doc, k, "e1", k, 1, "bench", cam, cam[:3], root, quad, g, "[]", day, "timex", day, day, "asserted", "bench@1", 0, 0, 1, "[]", "Synthetic evidence sentence.", 0, "[]", b""))
    if len(rows_c) == 50000:
        c.executemany("INSERT INTO event_clusters(id,cameo,base_code,root,quad_class,goldstein,source_code,source_root,source_country,target_code,target_root,target_country,polarity,modality,date_value,day,day_end,first_event_id,num_mentions,num_sources,num_articles,date_added) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows_c)
        c.executemany("INSERT INTO events(id,document_id,seq,event_key,cluster_id,counted,source_name_doc,cameo,base_code,root,quad_class,goldstein,plover_context,date_value,date_from,day,day_end,modality,rule,sentence,trigger_start,trigger_end,spans,evidence_text,is_root,links,shingles) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows_e)
        rows_c, rows_e = [], []
if rows_c:
    c.executemany("INSERT INTO event_clusters(id,cameo,base_code,root,quad_class,goldstein,source_code,source_root,source_country,target_code,target_root,target_country,polarity,modality,date_value,day,day_end,first_event_id,num_mentions,num_sources,num_articles,date_added) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows_c)
    c.executemany("INSERT INTO events(id,document_id,seq,event_key,cluster_id,counted,source_name_doc,cameo,base_code,root,quad_class,goldstein,plover_context,date_value,date_from,day,day_end,modality,rule,sentence,trigger_start,trigger_end,spans,evidence_text,is_root,links,shingles) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows_e)
c.execute("COMMIT")
c.close()
print("ok", n)
