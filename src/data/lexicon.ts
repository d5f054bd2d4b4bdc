/**
 * Keyword lexicon for the classifier: [rule id (src/data/categories.ts), weight, terms], with
 * the rationale of each row in its trailing comment (comments stay out of the bundle).
 * Terms are lower-case without accents, `|`-separated, matched as whole words (a trailing plural
 * "s" is allowed). EN/DE/FR/ES/IT for common kinds of product, from everyday shop vocabulary.
 * Weights: 1 = vague, 2 = the generic name of the kind, 3 = a specific product name or a phrase
 * that overrides a generic word (a "phone case" is not a phone), 4 = a phrase that must win.
 */
export type LexiconRow = [rule: string, weight: number, terms: string];

export const LEXICON: LexiconRow[] = [
  ['laptop', 2, 'laptop|notebook|ordinateur portable|portatil|computer portatile|chromebook|ultrabook'], // generic names
  ['laptop', 3, 'macbook|thinkpad|ideapad|latitude|xps|zenbook|vivobook|pixelbook|elitebook|probook|inspiron|surface laptop'], // laptop model lines
  ['desktop', 2, 'desktop|desktop computer|desktop-pc|ordinateur de bureau|ordenador de sobremesa|computer fisso|tower pc|all-in-one'], // generic names
  ['desktop', 3, 'imac|mac mini|mac studio|optiplex|thinkcentre|mini pc'], // desktop model lines
  ['tablet', 2, 'tablet|tablette|tableta'], // generic names
  ['tablet', 3, 'ipad|galaxy tab|surface pro|surface go|fire hd'], // tablet model lines
  ['monitor', 2, 'monitor|computer monitor|bildschirm|ecran pc|moniteur|pantalla pc'], // generic names
  ['monitor', 3, 'ultrasharp|studio display|pro display|gaming monitor'], // monitor model lines
  ['tv', 2, 'tv|television|televisions|fernseher|televiseur|televisor|televisore|smart tv|oled tv|qled'], // generic names
  ['smartphone', 2, 'smartphone|mobile phone|cell phone|handy|telephone portable|movil|cellulare'], // generic names
  ['smartphone', 3, 'iphone|galaxy s|galaxy a|pixel|fairphone|oneplus|xiaomi redmi|lumia|moto g'], // phone model lines
  ['console', 2, 'game console|games console|console|spielkonsole|konsole|consola|console de jeux'], // generic names
  ['console', 3, 'xbox|playstation|ps5|ps4|nintendo switch'], // console model lines
  ['smartwatch', 5, 'aluminum case|aluminium case|titanium case|stainless steel case'], // watch makers name the watch body its case
  ['smartwatch', 3, 'smartwatch|smart watch|apple watch|galaxy watch|pixel watch|fitbit|montre connectee|reloj inteligente'], // smart watches beat plain watches
  ['watch', 2, 'watch|armbanduhr|uhr|montre|reloj|orologio'], // generic names
  ['speaker', 2, 'speaker|bluetooth speaker|smart speaker|lautsprecher|enceinte|altavoz|altoparlante|soundbar'], // generic names
  ['speaker', 3, 'homepod|echo dot|nest audio|nest mini|sonos'], // speaker model lines
  ['streaming', 3, 'streaming media player|media player|chromecast|fire tv stick|apple tv|roku'], // streaming players beat TVs
  ['router', 2, 'router|wifi router|mesh wifi|routeur|enrutador'], // generic names
  ['headphones', 2, 'headphones|headphone|earbuds|earphones|headset|kopfhorer|casque audio|ecouteurs|auriculares|cuffie|airpods'], // generic names
  ['mouse', 3, 'mouse|computer mouse|gaming mouse|maus|souris|raton'], // a mouse is never an animal in a shop
  ['keyboard', 3, 'keyboard|computer keyboard|gaming keyboard|tastatur|clavier|teclado|tastiera'], // generic names
  ['printer', 2, 'printer|drucker|imprimante|impresora|stampante'], // generic names
  ['camera', 2, 'camera|digital camera|kamera|appareil photo|camara|fotocamera'], // generic names
  ['phone-case', 4, 'phone case|iphone case|handyhulle|screen protector|panzerglas'], // accessories must beat the device they fit
  ['phone-case', 3.5, 'case|hulle|coque|funda|custodia'], // a case named with a device is for that device
  ['cable', 3, 'cable|kabel|cable usb|charger|ladegerat|chargeur|cargador|caricabatterie|adapter'], // accessories must beat the device they fit
  ['battery', 3, 'battery|batteries|batterie|pile|pila|akku'], // generic names
  ['vacuum', 3, 'vacuum|vacuum cleaner|staubsauger|aspirateur|aspiradora|aspirapolvere|robot vacuum'], // generic names
  ['air-purifier', 3, 'air purifier|luftreiniger|purificateur d air|purificador de aire|purificatore'], // generic names
  ['small-appliance', 2, 'kettle|wasserkocher|bouilloire|toaster|grille-pain|coffee machine|kaffeemaschine|cafetiere|espresso machine|blender|mixer|hair dryer|fohn|seche-cheveux|microwave|mikrowelle|air fryer|heißluftfritteuse'], // small electrical appliances
  ['large-appliance', 3, 'washing machine|waschmaschine|lave-linge|lavadora|lavatrice|dishwasher|geschirrspuler|lave-vaisselle|tumble dryer|trockner'], // major appliances
  ['fridge', 3, 'fridge|refrigerator|kuhlschrank|refrigerateur|frigorifico|frigorifero|freezer|gefrierschrank'], // major appliances
  ['power-tool', 3, 'drill|hammer drill|bohrmaschine|akkuschrauber|perceuse|taladro|trapano|angle grinder|jigsaw|circular saw|power tool'], // generic names
  ['lawn-mower', 3, 'lawn mower|rasenmaher|tondeuse|cortacesped|tosaerba'], // generic names
  ['sofa', 3, 'sofa|couch|settee|divano|canape|sofas'], // generic names
  ['office-chair', 4, 'office chair|desk chair|task chair|burostuhl|schreibtischstuhl|chaise de bureau|silla de oficina|sedia da ufficio|aeron|embody|mirra|steelcase leap|sayl'], // office chairs and model lines
  ['furniture', 2, 'table|tisch|chair|stuhl|chaise|silla|sedia|bookcase|shelf|regal|wardrobe|kleiderschrank|armoire|desk|schreibtisch|bureau|bed frame|bett|dresser'], // wooden household furniture
  ['mattress', 3, 'mattress|matratze|matelas|colchon|materasso'], // generic names
  ['bedding', 2, 'duvet|bettdecke|couette|pillow|kissen|oreiller|bed sheet|bettwasche|towel|handtuch|serviette de bain'], // home textiles
  ['lamp', 2, 'lamp|lampe|lampara|lampada|ceiling light|deckenleuchte|floor lamp'], // generic names
  ['cookware', 2, 'frying pan|pfanne|poele|sarten|padella|saucepan|kochtopf|casserole|pot set'], // generic names
  ['bicycle', 3, 'bicycle|bike|mountain bike|e-bike|fahrrad|velo|bicicleta|bicicletta'], // generic names
  ['sports', 1, 'yoga mat|dumbbell|hantel|football|fussball|ballon|tennis racket|fitness'], // sporting goods
  ['toys', 2, 'toy|toys|spielzeug|jouet|juguete|giocattolo|lego|puzzle|doll|puppe|poupee'], // generic names
  ['book', 3, 'book|paperback|hardcover|buch|taschenbuch|livre|libro|roman|novel'], // generic names
  ['cosmetics', 2, 'shampoo|lipstick|mascara|moisturiser|moisturizer|face cream|creme|perfume|parfum|deodorant|cosmetics'], // personal care
  ['detergent', 2, 'detergent|waschmittel|lessive|detergente|dish soap|spulmittel|cleaner'], // household cleaning
  ['handbag', 3, 'handbag|handtasche|sac a main|bolso|borsa|backpack|rucksack|sac a dos|mochila|zaino|laptop bag|wallet|geldborse'], // bags beat the device they carry
  ['jewelry', 2, 'necklace|kette|collier|ring|bracelet|armband|earrings|ohrringe|jewelry|jewellery|schmuck|bijoux'], // generic names
  ['pet-food', 3, 'dog food|cat food|hundefutter|katzenfutter|croquettes|pet food'], // pet food beats the food words in it
  ['toilet-paper', 3, 'toilet paper|toilettenpapier|papier toilette|papel higienico|carta igienica|kitchen roll'], // generic names
  // Clothing.
  ['tshirt', 3, 't-shirt|tshirt|tee|polo|polo shirt|camiseta|maglietta|tank top'], // generic names
  ['shirt', 2, 'shirt|hemd|chemise|camisa|camicia|blouse|bluse|chemisier|top'], // generic names
  ['sweater', 3, 'sweater|jumper|pullover|pull|sweatshirt|hoodie|cardigan|strickjacke|jersey|maglione|sudadera|felpa'], // knitwear
  ['jeans', 3, 'jeans|jean|denim|vaquero|vaqueros'], // generic names
  ['trousers', 2, 'trousers|pants|hose|pantalon|pantalones|pantaloni|chinos|leggings|joggers'], // generic names
  ['shorts', 3, 'shorts|bermuda|kurze hose'], // generic names
  ['dress', 3, 'dress|kleid|robe|vestido|vestito|abito'], // generic names
  ['skirt', 3, 'skirt|minirock|jupe|falda|gonna'], // generic names
  ['coat', 3, 'coat|jacket|parka|anorak|mantel|jacke|manteau|veste|blouson|abrigo|chaqueta|cappotto|giacca|giubbotto'], // outerwear
  ['socks', 3, 'socks|sock|socken|chaussettes|calcetines|calzini'], // generic names
  ['underwear', 3, 'underwear|boxer|boxers|briefs|slip|unterhose|calecon|culotte|bra|bh|soutien-gorge'], // generic names
  ['swimwear', 3, 'swimsuit|swimwear|bikini|badeanzug|badehose|maillot de bain|banador|costume da bagno|swim shorts'], // generic names
  ['shoes', 3, 'shoes|shoe|sneakers|sneaker|trainers|running shoe|running shoes|boots|schuhe|turnschuhe|stiefel|chaussures|baskets|zapatos|zapatillas|scarpe|loafers|loungers|sandals'], // footwear
  // Food and drink.
  ['coffee', 3, 'coffee|kaffee|cafe|caffe|espresso|coffee beans|kaffeebohnen|ground coffee'], // generic names
  ['tea', 3, 'tea|green tea|black tea|herbal tea|tea bags|teebeutel|infusion|kraeutertee|krautertee'], // generic names
  ['chocolate', 3, 'chocolate|schokolade|chocolat|cioccolato|cocoa|kakao|cacao|pralines'], // generic names
  ['beef', 3, 'beef|rind|rindfleisch|boeuf|ternera|vacuno|manzo|steak|mince|minced beef|hackfleisch|burger patties|viande hachee'], // generic names
  ['pork', 3, 'pork|schwein|schweinefleisch|porc|cerdo|maiale|bacon|ham|schinken|jambon|jamon|prosciutto|sausages|wurst|salami'], // generic names
  ['poultry', 3, 'chicken|huhn|hahnchen|poulet|pollo|turkey|pute|dinde|tacchino'], // generic names
  ['lamb', 3, 'lamb|lamm|agneau|cordero|agnello|mutton'], // generic names
  ['fish', 3, 'fish|fisch|poisson|pescado|pesce|salmon|lachs|saumon|salmone|tuna|thunfisch|thon|atun|tonno|cod|kabeljau|sardines'], // P&N has only farmed fish
  ['prawns', 3, 'prawns|shrimp|shrimps|garnelen|crevettes|gambas|gamberi'], // generic names
  ['eggs', 3, 'eggs|egg|eier|oeufs|huevos|uova|free range eggs'], // generic names
  ['cheese', 3, 'cheese|kase|fromage|queso|formaggio|cheddar|mozzarella|parmesan|gouda|emmental'], // generic names
  ['milk', 3, 'milk|milch|lait|leche|latte|yogurt|yoghurt|joghurt|yaourt'], // generic names
  ['plant-milk', 4, 'soy drink|soya drink|soy milk|soya milk|oat milk|oat drink|almond milk|hafermilch|haferdrink|sojadrink|sojamilch|lait de soja|boisson vegetale|bebida de soja|bevanda di soia'], // plant drinks must beat milk
  ['tofu', 3, 'tofu|tempeh|seitan'], // generic names
  ['tofu', 5, 'meat free|meat-free|vegan mince|plant-based|veggie burger|fleischersatz|vegetarisch|quorn|beyond meat|impossible burger'], // meat alternatives must beat the meat words in their names
  ['rice', 3, 'rice|reis|riz|arroz|riso|basmati|risotto'], // generic names
  ['pasta', 3, 'pasta|spaghetti|penne|fusilli|farfalle|tagliatelle|macaroni|nudeln|pates|noodles|lasagne'], // generic names
  ['bread', 3, 'bread|brot|pain|pane|baguette|toast bread|bagels|rolls|brotchen'], // generic names
  ['flour', 3, 'flour|mehl|farine|harina|farina'], // generic names
  ['cereal', 3, 'cereal|cereals|breakfast cereal|muesli|musli|granola|cornflakes|frosted flakes|porridge|oats|haferflocken|flocons d avoine|avena'], // grain breakfasts
  ['beer', 3, 'beer|bier|biere|cerveza|birra|lager|pils|ale|ipa'], // generic names
  ['wine', 3, 'wine|wein|vin|vino|rotwein|weisswein|champagne|prosecco|cava'], // generic names
  ['soda', 3, 'soda|cola|coca-cola|coke|pepsi|fanta|sprite|lemonade|limonade|soft drink|refresco|bibita'], // generic names
  ['water', 3, 'bottled water|mineral water|mineralwasser|eau minerale|agua mineral|acqua minerale|sparkling water|still water|water'], // generic names
  ['nuts', 3, 'nuts|almonds|mandeln|amandes|walnuts|cashews|hazelnuts|haselnusse|noix|frutos secos'], // generic names
  ['peanuts', 3, 'peanuts|peanut butter|erdnusse|erdnussbutter|cacahuetes|arachidi'], // generic names
  ['olive-oil', 4, 'olive oil|olivenol|huile d olive|aceite de oliva|olio d oliva|olio extravergine'], // must beat the generic oil
  ['vegetable-oil', 3, 'sunflower oil|rapeseed oil|vegetable oil|sonnenblumenol|rapsol|huile de tournesol|cooking oil'], // generic names
  ['sugar', 3, 'sugar|zucker|sucre|azucar|zucchero'], // generic names
  ['potatoes', 3, 'potatoes|potato|kartoffeln|pommes de terre|patatas|patate'], // generic names
  ['tomatoes', 3, 'tomatoes|tomato|tomaten|tomates|pomodori|passata'], // generic names
  ['vegetables', 2, 'vegetables|gemuse|legumes|verduras|verdure|carrots|karotten|broccoli|onions|zwiebeln|salad'], // generic names
  ['bananas', 3, 'bananas|banana|bananen|bananes|platanos'], // generic names
  ['apples', 3, 'apples|apple juice|apfel|apfelsaft|pommes|manzanas|mele'], // the brand Apple is excluded by the classifier
  ['citrus', 3, 'oranges|orange juice|lemons|zitronen|citrons|naranjas|arance|mandarins|clementines'], // generic names
  ['berries', 3, 'berries|strawberries|blueberries|erdbeeren|fraises|grapes|trauben|raisins|fresas|uva'], // generic names
  ['pulses', 3, 'lentils|linsen|lentilles|lentejas|chickpeas|kichererbsen|pois chiches|garbanzos|beans|bohnen|haricots|kidney beans'], // generic names
];
